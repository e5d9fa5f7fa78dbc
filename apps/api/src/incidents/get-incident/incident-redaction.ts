import { IncidentCodes, neutralTitle } from '@app/domain';

type Json = Record<string, unknown>;

/**
 * What an analyst may see of an incident (issue 6): codes, dates, counts and pseudonymous
 * labels. Free text can name people (a title such as "X dies in detention", a place, a source
 * title, a note, a tag), so it is left out, and the title is rebuilt from codes. Places stay
 * at region level. An allow-list: a field added to incidents later stays hidden until added here.
 */
export function redactedIncident(full: Json, labels: ReadonlyMap<string, string>): Json {
  const pick = (from: Json, keys: readonly string[]) =>
    Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]]));
  return {
    ...pick(full, ['id', 'version', 'status']),
    title: neutralTitle(full as unknown as IncidentCodes),
    ...pick(full, ['country', 'region', 'occurred', 'type', 'rights', 'legalBasis']),
    targets: (full.targets as Json[]).map((t) => {
      const id = (t.personId ?? t.organisationId) as string;
      return { ...t, label: labels.get(id) ?? null };
    }),
    perpetrators: (full.perpetrators as Json[]).map((p) =>
      pick(p, ['perpetratorId', 'source', 'role']),
    ),
    sources: (full.sources as Json[]).map((s) =>
      pick(s, ['sourceId', 'publishedOn', 'language', 'reliability']),
    ),
    outcomes: (full.outcomes as Json[]).map((o) =>
      pick(o, [
        'outcomeId',
        'type',
        'date',
        'actId',
        'custodialMonths',
        'freedomRestrictionMonths',
        'probationMonths',
        'fine',
      ]),
    ),
    ...pick(full, ['verified', 'duplicateOf', 'recordedAt', 'updatedAt']),
    redacted: true,
  };
}
