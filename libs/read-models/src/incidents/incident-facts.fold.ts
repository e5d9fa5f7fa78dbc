import {
  familyOf,
  IncidentEvent,
  incidentDecider,
  IncidentState,
  RecordedIncident,
  RetractedIncident,
  IncidentType,
  monthOf,
  quarterOf,
  yearOf,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';

/**
 * The fold shared by the live projection and the bulk rebuild: from an incident's events to
 * the versions of its act rows. A row is versioned only when something it holds changes
 * (a reclassified act, a corrected month, a verification): attaching a source or recording an
 * outcome changes no dimension, so it creates no row. Each act is versioned on its own, so
 * reclassifying one target of three re-versions one row, not three.
 */

/** `rm_acts` columns, in table order. */
export const ACT_COLUMNS = [
  'workspace_id',
  'incident_id',
  'known_from_at',
  'year',
  'current',
  'incident_row',
  'act_id',
  'target_id',
  'superseded_at',
  'target_kind',
  'target_category',
  'country',
  'region',
  'type',
  'family',
  'month',
  'quarter',
  'verification_status',
  'main_sources',
  'secondary_sources',
  'rights',
  'legal_articles',
  'tags',
  'known_from',
  'superseded_by',
] as const;
export type ActRow = Record<(typeof ACT_COLUMNS)[number], unknown>;

/** `rm_incidents` columns, in table order. */
export const INCIDENT_COLUMNS = [
  'incident_id',
  'workspace_id',
  'version',
  'status',
  'duplicate_of',
  'verified',
  'title',
  'country',
  'region',
  'type',
  'family',
  'occurred_date',
  'occurred_precision',
  'occurred_until',
  'month',
  'year',
  'rights',
  'legal_articles',
  'tags',
  'main_sources',
  'secondary_sources',
  'target_categories',
  'target_count',
  'state',
  'reported_at',
  'updated_at',
  'last_position',
] as const;
export type IncidentRow = Record<(typeof INCIDENT_COLUMNS)[number], unknown>;

/** An act row open in the fold: what it holds, and whether it is already in the table. */
interface OpenRow {
  row: ActRow;
  signature: string;
  stored: boolean;
}

/** What the fold keeps per incident between events. */
export interface IncidentEntry {
  incidentId: string;
  workspaceId?: string;
  state: IncidentState;
  version: number;
  reportedAt?: string;
  last?: RecordedEvent;
  /** The open act rows, by act id ('' for the row of an incident without targets). */
  open: Map<string, OpenRow>;
}

/** Where the fold's decisions go: the live projection writes them, the rebuild buffers them. */
export interface FoldSink {
  /** A row stops being current at `event`. */
  close(row: ActRow, stored: boolean, event: RecordedEvent): void;
  /** A new row (version) becomes current. */
  open(row: ActRow): void;
  /**
   * A redaction replaced the incident's tags: every row of the incident, current and
   * superseded, written or not, now holds `tags` (a redaction is no new version of what we
   * knew, only what it may say).
   */
  retag(incidentId: string, tags: string[]): void;
}

export function newEntry(incidentId: string): IncidentEntry {
  return { incidentId, state: incidentDecider.initialState, version: 0, open: new Map() };
}

/** The entry of an incident as the table holds it (its open rows are stored). */
export function storedEntry(
  incidentId: string,
  stored: { state: IncidentState; version: number; workspace_id: string; reported_at: string },
): IncidentEntry {
  const entry: IncidentEntry = {
    incidentId,
    workspaceId: stored.workspace_id,
    state: stored.state,
    version: stored.version,
    reportedAt: stored.reported_at,
    open: new Map(),
  };
  if (countsNow(stored.state)) {
    for (const version of actVersions(incidentId, stored.workspace_id, stored.state)) {
      // Only the signature matters for a stored row: closing it is an UPDATE by key.
      entry.open.set(version.key, {
        row: version.row(),
        signature: version.signature,
        stored: true,
      });
    }
  }
  return entry;
}

/**
 * Applies one event to the entry. Returns false for an event already folded (a replay after
 * a crash re-delivers what the checkpoint had not yet recorded).
 */
export function foldEvent(entry: IncidentEntry, event: RecordedEvent, sink: FoldSink): boolean {
  if (event.streamVersion <= entry.version) return false;
  entry.state = incidentDecider.evolve(entry.state, {
    type: event.type,
    data: event.data,
  } as IncidentEvent);
  entry.version = event.streamVersion;
  entry.workspaceId ??= event.metadata.workspaceId as string;
  entry.reportedAt ??= event.recordedAt;
  entry.last = event;
  if (event.type === 'IncidentRedacted') {
    redactRows(entry, event, sink);
    return true;
  }

  const next = new Map<string, ActVersion>();
  if (countsNow(entry.state)) {
    for (const version of actVersions(entry.incidentId, entry.workspaceId, entry.state, event)) {
      next.set(version.key, version);
    }
  }
  for (const [key, open] of entry.open) {
    const replacement = next.get(key);
    if (replacement !== undefined && replacement.signature === open.signature) {
      next.delete(key); // unchanged: the open version stays
      continue;
    }
    Object.assign(open.row, {
      superseded_by: event.position,
      superseded_at: event.recordedAt,
      current: false,
    });
    sink.close(open.row, open.stored, event);
    entry.open.delete(key);
  }
  for (const [key, version] of next) {
    const row = version.row();
    entry.open.set(key, { row, signature: version.signature, stored: false });
    sink.open(row);
  }
  return true;
}

/**
 * A redaction rewrites what the rows say, in place: no row is closed or opened, so figures
 * as of any position stay what they were. Only tags are free text among the act rows.
 */
function redactRows(entry: IncidentEntry, event: RecordedEvent, sink: FoldSink): void {
  const { replacements } = event.data as { replacements: { tags?: unknown } };
  if (replacements.tags === undefined || entry.state.status === 'absent') return;
  const tags = unique(entry.state.facts.tags);
  const now = countsNow(entry.state)
    ? new Map(actVersions(entry.incidentId, entry.workspaceId!, entry.state).map((v) => [v.key, v]))
    : new Map<string, ActVersion>();
  for (const [key, open] of entry.open) {
    open.row.tags = tags;
    open.signature = now.get(key)?.signature ?? open.signature;
  }
  sink.retag(entry.incidentId, tags);
}

/** The `rm_incidents` row of an entry that has seen at least one event. */
export function incidentRow(entry: IncidentEntry): IncidentRow {
  const { state } = entry;
  const d = dimensions(state);
  const { facts } = reported(state);
  return {
    incident_id: entry.incidentId,
    workspace_id: entry.workspaceId,
    version: entry.version,
    status: state.status,
    duplicate_of: state.duplicateOf ?? null,
    verified: state.verified,
    title: facts.title,
    country: d.country,
    region: d.region,
    type: d.type,
    family: d.family,
    occurred_date: facts.occurred.date,
    occurred_precision: facts.occurred.precision,
    occurred_until: facts.occurred.until ?? null,
    month: d.month,
    year: d.year,
    rights: d.rights,
    legal_articles: d.legal_articles,
    tags: d.tags,
    main_sources: d.main_sources,
    secondary_sources: d.secondary_sources,
    target_categories: unique(state.acts.map((a) => a.category)),
    target_count: state.acts.length,
    state,
    reported_at: entry.reportedAt,
    updated_at: entry.last!.recordedAt,
    last_position: entry.last!.position,
  };
}

/** Marks rows as written, so that closing them later is an UPDATE rather than a buffer edit. */
export function markStored(entry: IncidentEntry): void {
  for (const open of entry.open.values()) open.stored = true;
}

/** An incident counts in statistics unless retracted or merged into another (docs/domain.md, "Counting rules"). */
function countsNow(state: IncidentState): boolean {
  return state.status === 'recorded' && state.duplicateOf === undefined;
}

/** A stream's first event reports the incident, so every state folded here has its facts. */
function reported(state: IncidentState): RecordedIncident | RetractedIncident {
  if (state.status === 'absent') throw new Error('an incident stream must start with its report');
  return state;
}

function dimensions(state: IncidentState) {
  const { facts } = reported(state);
  return {
    country: facts.country,
    region: facts.region ?? null,
    type: facts.type,
    family: familyOf(facts.type as IncidentType),
    month: monthOf(facts.occurred),
    quarter: quarterOf(facts.occurred),
    year: Number(yearOf(facts.occurred)),
    // Array dimensions hold each element once: statistics unnest them without DISTINCT.
    rights: unique(facts.rights),
    legal_articles: unique(facts.legalBasis.map((l) => `${l.instrument}|${l.article}`)),
    tags: unique(facts.tags),
    main_sources: unique(state.perpetrators.filter((p) => p.role === 'main').map((p) => p.source)),
    secondary_sources: unique(
      state.perpetrators.filter((p) => p.role === 'secondary').map((p) => p.source),
    ),
  };
}

/**
 * The act rows the state implies, each with its key and signature (everything the row holds
 * except its knowledge interval); the row object itself is built only when it is needed,
 * since most events leave most rows as they were.
 */
interface ActVersion {
  key: string;
  signature: string;
  row(): ActRow;
}

function actVersions(
  incidentId: string,
  workspaceId: string,
  state: IncidentState,
  event?: RecordedEvent,
): ActVersion[] {
  const d = dimensions(state);
  const base = {
    workspace_id: workspaceId,
    incident_id: incidentId,
    country: d.country,
    region: d.region,
    type: d.type,
    family: d.family,
    month: d.month,
    quarter: d.quarter,
    year: d.year,
    main_sources: d.main_sources,
    secondary_sources: d.secondary_sources,
    rights: d.rights,
    legal_articles: d.legal_articles,
    tags: d.tags,
    verification_status: state.verified ? 'verified' : 'unverified',
  };
  const shared = JSON.stringify(base);
  const knownFrom = event?.position ?? null;
  const knownFromAt = event?.recordedAt ?? null;
  // One literal with every column in table order: rows share one hidden class, which keeps
  // the bulk rebuild's hundreds of thousands of rows cheap to build and to serialise.
  const row = (
    actId: string | null,
    kind: string | null,
    targetId: string | null,
    category: string | null,
    first: boolean,
  ): ActRow => ({
    workspace_id: workspaceId,
    incident_id: incidentId,
    known_from_at: knownFromAt,
    year: base.year,
    current: true,
    incident_row: first,
    act_id: actId,
    target_id: targetId,
    superseded_at: null,
    target_kind: kind,
    target_category: category,
    country: base.country,
    region: base.region,
    type: base.type,
    family: base.family,
    month: base.month,
    quarter: base.quarter,
    verification_status: base.verification_status,
    main_sources: base.main_sources,
    secondary_sources: base.secondary_sources,
    rights: base.rights,
    legal_articles: base.legal_articles,
    tags: base.tags,
    known_from: knownFrom,
    superseded_by: null,
  });
  if (state.acts.length === 0) {
    return [{ key: '', signature: shared, row: () => row(null, null, null, null, true) }];
  }
  // The first act's row stands for the incident; if that act is removed, the next one's row
  // is re-versioned to take over, so "as of P" still finds exactly one.
  return state.acts.map((a, i) => ({
    key: a.actId,
    signature: `${shared}|${a.kind}|${a.targetId}|${a.category}|${i === 0}`,
    row: () => row(a.actId, a.kind, a.targetId, a.category, i === 0),
  }));
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
