export const SOURCE_ROLES = ['main', 'any'] as const;

/** What the read-model queries filter on; every list holds one or more values (any of them). */
export interface IncidentFilters {
  country?: string[];
  region?: string[];
  type?: string[];
  family?: string[];
  targetCategory?: string[];
  source?: string[];
  /** `main`: main sources of threat only; `any`: main and secondary. */
  sourceRole: (typeof SOURCE_ROLES)[number];
  right?: string[];
  /** `instrument|article`. */
  legalArticle?: string[];
  tag?: string[];
  verificationStatus?: string[];
  /** First month, YYYY-MM. */
  from?: string;
  /** Last month, YYYY-MM. */
  to?: string;
  year?: number[];
}
