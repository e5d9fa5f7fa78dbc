import { Lang, labelOf, VocabularyName } from '@app/domain';

type Json = Record<string, unknown>;

/** Where each vocabulary's codes stand in an incident as GET /incidents/:id answers it. */
const CODES: readonly (readonly [VocabularyName, (i: Json) => unknown[]])[] = [
  ['incident_type', (i) => [i.type]],
  ['country', (i) => [i.country]],
  ['region', (i) => [i.region]],
  ['date_precision', (i) => [(i.occurred as Json | undefined)?.precision]],
  ['right', (i) => (i.rights as unknown[] | undefined) ?? []],
  ['target_kind', (i) => list(i.targets).map((t) => t.kind)],
  ['target_category', (i) => list(i.targets).map((t) => t.category)],
  ['perpetrator_source', (i) => list(i.perpetrators).map((p) => p.source)],
  ['perpetrator_role', (i) => list(i.perpetrators).map((p) => p.role)],
  ['source_reliability', (i) => list(i.sources).map((s) => s.reliability)],
  ['outcome', (i) => list(i.outcomes).map((o) => o.type)],
  ['fine_unit', (i) => list(i.outcomes).map((o) => (o.fine as Json | undefined)?.unit)],
];

/**
 * The label of every code the incident holds, in the requested language, by vocabulary:
 * `{ incident_type: { administrative_arrest: 'Административный арест' } }`. Beside the codes
 * rather than in their place, so clients that compare codes keep working.
 */
export function incidentLabels(incident: Json, lang: Lang): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [vocabulary, codesIn] of CODES) {
    for (const code of codesIn(incident)) {
      if (typeof code !== 'string') continue;
      const label = labelOf(vocabulary, code, lang);
      if (label !== undefined) (out[vocabulary] ??= {})[code] = label;
    }
  }
  return out;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}
