import { IncidentEvent, Lang, labelOf, VocabularyName } from '@app/domain';

export interface HistoryEntryText {
  summary: string;
  /** The codes the summary names, by vocabulary: clients compare and translate these. */
  codes?: Partial<Record<VocabularyName, string>>;
  changes?: { field: string; from: unknown; to: unknown }[];
  /** The reason's label in the requested language... */
  reason?: string;
  /** ...and its code, when the reason is one of a vocabulary's (`new_evidence`). */
  reasonCode?: string;
  note?: string;
}

/** One event in plain words: what happened, what changed, and why. */
export function describeIncidentEvent(event: IncidentEvent, lang: Lang): HistoryEntryText {
  const codes: Partial<Record<VocabularyName, string>> = {};
  const label = (vocabulary: VocabularyName, code: string) => {
    codes[vocabulary] = code;
    return labelOf(vocabulary, code, lang) ?? code;
  };
  const why = (reason: string, vocabulary: VocabularyName, note?: string) => ({
    reason: labelOf(vocabulary, reason, lang) ?? reason,
    reasonCode: reason,
    ...(note !== undefined && { note }),
  });
  const text = describe(event, label, why);
  return Object.keys(codes).length > 0 ? { ...text, codes } : text;
}

function describe(
  event: IncidentEvent,
  label: (vocabulary: VocabularyName, code: string) => string,
  why: (reason: string, vocabulary: VocabularyName, note?: string) => Partial<HistoryEntryText>,
): HistoryEntryText {
  switch (event.type) {
    case 'IncidentReported': {
      const d = event.data;
      return {
        summary:
          `Reported "${d.title}": ${label('incident_type', d.type)}, ${label('country', d.country)}, ` +
          `${d.occurred.date}; ${d.acts.length} target(s), ${d.perpetrators.length} perpetrator(s), ${d.sources.length} source(s)`,
      };
    }
    case 'IncidentCorrected': {
      const d = event.data;
      return {
        summary:
          d.field === 'targetCategory'
            ? `Reclassified a target (act ${d.actId})`
            : `Corrected ${d.field}`,
        changes: [{ field: d.field, from: d.from, to: d.to }],
        ...why(d.reason, 'correction_reason', d.note),
      };
    }
    case 'TargetAdded':
      return {
        summary: `Added a target: ${event.data.kind}, ${label('target_category', event.data.category)}`,
      };
    case 'TargetRemoved':
      return {
        summary: `Removed a target (act ${event.data.actId})`,
        ...why(event.data.reason, 'retraction_reason', event.data.note),
      };
    case 'PerpetratorAdded':
      return {
        summary: `Added a perpetrator: ${label('perpetrator_source', event.data.source)} (${label('perpetrator_role', event.data.role)})`,
      };
    case 'SourceAttached':
      return { summary: `Attached a source: ${event.data.title}` };
    case 'OutcomeRecorded':
      return {
        summary: `Recorded an outcome: ${label('outcome', event.data.type)}`,
        ...(event.data.note && { note: event.data.note }),
      };
    case 'IncidentVerified':
      return event.data.overrideReason
        ? {
            summary: `Verified by override (${event.data.independentSources} independent source(s))`,
            reason: event.data.overrideReason,
          }
        : { summary: `Verified with ${event.data.independentSources} independent sources` };
    case 'IncidentRetracted':
      return {
        summary: 'Retracted',
        ...why(event.data.reason, 'retraction_reason', event.data.note),
      };
    case 'IncidentMarkedDuplicate':
      return {
        summary: `Marked as a duplicate of incident ${event.data.duplicateOf}`,
        ...(event.data.note && { note: event.data.note }),
      };
    case 'IncidentDuplicateUndone':
      return {
        summary: `Undid the duplicate mark (was a duplicate of ${event.data.duplicateOf})`,
        ...(event.data.note && { note: event.data.note }),
      };
  }
}
