import { labelOf } from '../vocabularies';

/** The codes a title is rebuilt from when free text must not be shown (it can name people). */
export interface IncidentCodes {
  type: string;
  country: string;
  region?: string | null;
  occurred: { date: string };
}

/** A title made of codes only: "Administrative arrest, Almaty (KZ-75), 2020-02". */
export function neutralTitle(i: IncidentCodes): string {
  const where =
    i.region != null
      ? (labelOf('region', i.region, 'en') ?? i.region)
      : (labelOf('country', i.country, 'en') ?? i.country);
  return `${labelOf('incident_type', i.type, 'en') ?? i.type}, ${where}, ${i.occurred.date}`;
}
