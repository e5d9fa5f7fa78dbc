import { Injectable } from '@nestjs/common';
import { Position } from '@app/event-store';
import { IncidentProjections } from '@app/read-models/incidents/incident-projections.service';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { WorkspaceVersion } from '../public-stats/workspace-version';
import {
  AnswerCache,
  AnswerCacheCounters,
  entityTag,
  ifNoneMatchNames,
  sharedReads,
} from './answer-cache';

/**
 * An answer with its validator, or, when the caller's copy (`If-None-Match`) is still the
 * answer, only the validator: the controller then answers 304 without a body.
 */
export type Tagged<T> =
  | { readonly notModified: true; readonly etag: string }
  | { readonly notModified: false; readonly etag: string | undefined; readonly value: T };

/**
 * Bounds of the answers kept: a table of two dimensions is a few kB as JSON, so this holds
 * the recent questions of many workspaces in a few MB of the API's heap.
 */
const LIMITS = { maxEntries: 2_000, maxBytes: 32 * 1024 * 1024 };
/** Workspaces whose version is remembered (one lookup per position change each). */
const VERSIONS_KEPT = 1_000;
/** The basis of an answer asked as of a position: it never changes. */
const FIXED = 'fixed';

interface Ask<T> {
  /** Whose figures: a role (answers differ by role), or `suppressed` for callers without names. */
  audience: string;
  query: GetStatsQuery;
  format: string;
  ifNoneMatch: string | undefined;
  compute: () => Promise<T>;
  /** What the answer's figures stand at: its position, or its workspace version. */
  basisOf: (answer: T) => string;
  /** The basis of the current figures, given the read model's position. */
  currentBasis: (position: Position) => Promise<string>;
}

/**
 * GET /stats and GET /public/stats through one in-process cache of recent answers, keyed by
 * who asks, the normalised question and the basis the figures stand at: the read model's
 * position for signed-in callers, the workspace's version (never the global position) for the
 * suppressed figures, so that an anonymous caller's validator does not move with other
 * workspaces' writes. The same key makes the `ETag`.
 */
@Injectable()
export class CachedStats {
  private readonly cache = new AnswerCache<unknown>(LIMITS);
  private readonly versions = new Map<string, { position: Position; version: Promise<string> }>();
  /** One read of the checkpoint serves the requests that arrive while the last one runs. */
  private readonly position = sharedReads(() => this.projections.position());

  constructor(
    private readonly projections: IncidentProjections,
    private readonly workspaceVersions: WorkspaceVersion,
  ) {}

  get counters(): Readonly<AnswerCacheCounters> {
    return this.cache.counters;
  }

  /** A signed-in caller's figures, as its role sees them. */
  full<T>(
    role: string,
    query: GetStatsQuery,
    format: string,
    ifNoneMatch: string | undefined,
    compute: () => Promise<T>,
    basisOf: (answer: T) => string,
  ): Promise<Tagged<T>> {
    return this.answer({
      audience: `role:${role}`,
      query,
      format,
      ifNoneMatch,
      compute,
      basisOf,
      currentBasis: async (position) => position,
    });
  }

  /** The suppressed figures of callers without names (always JSON). */
  suppressed<T extends { position: string }>(
    query: GetStatsQuery,
    ifNoneMatch: string | undefined,
    compute: () => Promise<T>,
  ): Promise<Tagged<T>> {
    return this.answer({
      audience: 'suppressed',
      query,
      format: 'json',
      ifNoneMatch,
      compute,
      basisOf: (answer) => answer.position,
      currentBasis: (position) => this.versionAt(query.workspaceId, position),
    });
  }

  private async answer<T>(ask: Ask<T>): Promise<Tagged<T>> {
    const key = queryKey(ask.audience, ask.query, ask.format);
    const fixed = ask.query.asOf.kind === 'position';
    const basisOf = (answer: T) => (fixed ? FIXED : ask.basisOf(answer));
    const tagged = (value: T): Tagged<T> => {
      const etag = entityTag(basisOf(value), key);
      return ifNoneMatchNames(ask.ifNoneMatch, etag)
        ? { notModified: true, etag }
        : { notModified: false, etag, value };
    };
    const basis = await this.basis(ask);
    if (basis === undefined) return tagged(await ask.compute());
    // The caller holds the figures of this basis: nothing to compute, nothing to send.
    const etag = entityTag(basis, key);
    if (ifNoneMatchNames(ask.ifNoneMatch, etag)) return { notModified: true, etag };
    const value = (await this.cache.getOrCompute(`${basis}\0${key}`, async () => {
      const computed = await ask.compute();
      // Filed under the basis it stands at, which is later than `basis` when the projection
      // moved meanwhile: a key never holds figures of another basis.
      return {
        value: computed,
        key: `${basisOf(computed)}\0${key}`,
        bytes: Buffer.byteLength(JSON.stringify(computed)),
      };
    })) as T;
    return tagged(value);
  }

  /**
   * The basis to look the answer up under, or undefined when it cannot be known before
   * computing: as of a time or a snapshot (resolved by the query), or `after` a position the
   * projection has not reached (the query waits for it, or refuses it).
   */
  private async basis<T>(ask: Ask<T>): Promise<string | undefined> {
    const { asOf, after } = ask.query;
    if (asOf.kind === 'time' || asOf.kind === 'snapshot') return undefined;
    if (asOf.kind === 'position' && after === undefined) return FIXED;
    const position = await this.position(undefined);
    if (after !== undefined && after > position) return undefined;
    return asOf.kind === 'position' ? FIXED : ask.currentBasis(position);
  }

  /**
   * The workspace's version at the read model's position, looked up once per position: the
   * lookup reads the workspace's fact rows, the position is one row.
   */
  private versionAt(workspaceId: string, position: Position): Promise<string> {
    const known = this.versions.get(workspaceId);
    if (known?.position === position) return known.version;
    const version = this.workspaceVersions.at(workspaceId, position);
    const entry = { position, version };
    this.versions.delete(workspaceId);
    this.versions.set(workspaceId, entry);
    if (this.versions.size > VERSIONS_KEPT) {
      this.versions.delete(this.versions.keys().next().value!);
    }
    version.catch(() => {
      if (this.versions.get(workspaceId) === entry) this.versions.delete(workspaceId);
    });
    return version;
  }
}

/**
 * Everything an answer depends on besides its basis, with the filters' names sorted (their
 * values keep their order: the answer's filters in words follow it) and `after` left out.
 */
export function queryKey(audience: string, query: GetStatsQuery, format: string): string {
  const filters = Object.fromEntries(
    Object.entries(query.filters)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return JSON.stringify([
    audience,
    query.workspaceId,
    query.measure,
    query.groupBy,
    filters,
    query.asOf,
    query.lang,
    format,
  ]);
}
