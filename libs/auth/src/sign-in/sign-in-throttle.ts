import { outsideSameTransactionRecord, SqlExecutor } from '@app/database';
import {
  blockAfterFailure,
  locksOut,
  ThrottleKind,
  ThrottlePolicy,
} from './sign-in-throttle.policy';

export interface ThrottleState {
  /** Milliseconds until an attempt is allowed. */
  retryAfterMs: number;
  /** The key kind that blocks the longest. */
  kind: ThrottleKind;
}

/**
 * The sign-in throttle's memory in the database (`sign_in_throttle`): shared by every API
 * process, and a restart does not lift a lock-out.
 */
export class SignInThrottle {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly policy: ThrottlePolicy,
  ) {}

  /** Whether any of the keys is blocked now, and for how long. */
  async blocked(keys: Record<ThrottleKind, string>): Promise<ThrottleState | undefined> {
    const kinds = Object.keys(keys) as ThrottleKind[];
    const { rows } = await this.sql.query<{ key: string; left_ms: number }>(
      `SELECT key, (extract(epoch FROM blocked_until - now()) * 1000)::float8 AS left_ms
         FROM sign_in_throttle WHERE key = ANY($1::text[]) AND blocked_until > now()
        ORDER BY blocked_until DESC LIMIT 1`,
      [kinds.map((kind) => keys[kind])],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    const kind = kinds.find((k) => keys[k] === row.key) as ThrottleKind;
    return { retryAfterMs: Math.max(1, Math.ceil(row.left_ms)), kind };
  }

  /**
   * Counts a failure under every key; returns the kinds this failure locked out. Bookkeeping,
   * not the request's change: its audit entry does not commit with these rows.
   */
  fail(keys: Record<ThrottleKind, string>): Promise<ThrottleKind[]> {
    return outsideSameTransactionRecord(() => this.countFailure(keys));
  }

  private async countFailure(keys: Record<ThrottleKind, string>): Promise<ThrottleKind[]> {
    const lockedOut: ThrottleKind[] = [];
    for (const kind of Object.keys(keys) as ThrottleKind[]) {
      const { rows } = await this.sql.query<{ failures: number }>(
        `INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE
             WHEN sign_in_throttle.last_failure_at < now() - make_interval(secs => $2::float8 / 1000)
             THEN 1 ELSE sign_in_throttle.failures + 1 END,
           last_failure_at = now()
         RETURNING failures`,
        [keys[kind], this.policy.lockoutMs],
      );
      const failures = rows[0]?.failures ?? 1;
      const blockMs = blockAfterFailure(kind, failures, this.policy);
      if (blockMs > 0) {
        await this.sql.query(
          `UPDATE sign_in_throttle
              SET blocked_until = now() + make_interval(secs => $2::float8 / 1000) WHERE key = $1`,
          [keys[kind], blockMs],
        );
      }
      if (locksOut(kind, failures)) lockedOut.push(kind);
    }
    return lockedOut;
  }

  /** A success from an address clears that address's count for the account. */
  async succeed(keys: Record<ThrottleKind, string>): Promise<void> {
    await outsideSameTransactionRecord(() =>
      this.sql.query('DELETE FROM sign_in_throttle WHERE key = $1', [keys.pair]),
    );
  }
}
