import { Inject, Injectable } from '@nestjs/common';
import { outsideSameTransactionRecord, SQL_CLIENT, SqlClient } from '@app/database';

/** One audited request: who, what route, on which id, with what outcome. Never a body or name. */
export interface AuditEntry {
  workspaceId?: string;
  userId?: string;
  role?: string;
  /** The route, e.g. `POST /incidents/:id/corrections`. */
  action: string;
  targetId?: string;
  status: number;
  correlationId?: string;
  /** The client address, kept for sign-in attempts (where it is the evidence of an attack). */
  address?: string;
}

export interface AuditRecord extends Required<Pick<AuditEntry, 'action' | 'status'>> {
  id: string;
  at: string;
  userId: string | null;
  role: string | null;
  targetId: string | null;
  correlationId: string | null;
  address: string | null;
}

export interface AuditFilter {
  workspaceId: string;
  userId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Entries with an id below this one (the next page). */
  before?: string;
  limit: number;
}

/** The INSERT of one entry, for `AuditLog.record` or a transaction that commits it with a change. */
export function auditInsert(entry: AuditEntry): { sql: string; params: readonly unknown[] } {
  return {
    sql: `INSERT INTO audit_log (workspace_id, user_id, role, action, target_id, status, correlation_id,
                                 address)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    params: [
      entry.workspaceId ?? null,
      entry.userId ?? null,
      entry.role ?? null,
      entry.action.slice(0, 200),
      entry.targetId?.slice(0, 200) ?? null,
      entry.status,
      entry.correlationId ?? null,
      entry.address?.slice(0, 100) ?? null,
    ],
  };
}

/** The append-only audit log (table `audit_log`, migration 0002 of the auth schema). */
@Injectable()
export class AuditLog {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  async record(entry: AuditEntry): Promise<void> {
    const { sql, params } = auditInsert(entry);
    // An entry of its own (a refused sign-in, a sign-out) is not the request's change.
    await outsideSameTransactionRecord(() => this.sql.query(sql, params));
  }

  /** Something a known user did (a sign-out, an admin's act on a user), in its workspace. */
  recordBy(
    who: { workspaceId: string; userId: string; role: string },
    action: string,
    status: number,
    targetId?: string,
  ): Promise<void> {
    const { workspaceId, userId, role } = who;
    return this.record({
      action,
      status,
      workspaceId,
      userId,
      role,
      ...(targetId !== undefined && { targetId }),
    });
  }

  /** Newest first. */
  async find(filter: AuditFilter): Promise<AuditRecord[]> {
    const params: unknown[] = [filter.workspaceId];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['workspace_id = $1'];
    if (filter.userId !== undefined) where.push(`user_id = ${bind(filter.userId)}::uuid`);
    if (filter.action !== undefined) where.push(`action = ${bind(filter.action)}`);
    if (filter.from !== undefined) where.push(`at >= ${bind(filter.from.toISOString())}`);
    if (filter.to !== undefined) where.push(`at < ${bind(filter.to.toISOString())}`);
    if (filter.before !== undefined) where.push(`id < ${bind(filter.before)}::bigint`);
    const { rows } = await this.sql.query<{
      id: string;
      at: string;
      user_id: string | null;
      role: string | null;
      action: string;
      target_id: string | null;
      status: number;
      correlation_id: string | null;
      address: string | null;
    }>(
      `SELECT id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
              user_id, role, action, target_id, status, correlation_id, address
         FROM audit_log WHERE ${where.join(' AND ')}
        ORDER BY audit_log.id DESC LIMIT ${bind(filter.limit)}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      role: r.role,
      action: r.action,
      targetId: r.target_id,
      status: r.status,
      correlationId: r.correlation_id,
      address: r.address,
    }));
  }
}
