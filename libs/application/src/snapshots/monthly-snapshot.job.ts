import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { PinSnapshotCommand } from './pin-snapshot.command';
import { PinSnapshotRequestDto } from './pin-snapshot.request.dto';
import { JobContext, JobOutcome, JobWork } from '@app/jobs/job-context';

export interface MonthlySnapshotInput {
  /** The month the draft is named after: the one that just ended, `YYYY-MM`. */
  month: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * On the first of each month, every workspace gets a draft snapshot named after the month
 * that ended ("Draft: October 2026"), pinned through the same command as POST /snapshots by
 * the workspace's first admin. The Idempotency-Key is the month's: a retry pins nothing twice.
 */
@Injectable()
export class MonthlySnapshotJob implements JobWork {
  readonly type = 'snapshot' as const;

  constructor(
    private readonly commands: CommandBus,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async run(context: JobContext): Promise<JobOutcome> {
    const { month } = context.record.input as unknown as MonthlySnapshotInput;
    const [year, m] = month.split('-').map(Number);
    const { rows } = await this.sql.query<{ workspace_id: string; user_id: string; name: string }>(
      `SELECT DISTINCT ON (u.workspace_id) u.workspace_id, u.id AS user_id, u.name
         FROM users u WHERE u.role = 'admin' ORDER BY u.workspace_id, u.created_at`,
    );
    const pinned: { workspaceId: string; snapshotId: string }[] = [];
    for (const [i, row] of rows.entries()) {
      const snapshot: PinSnapshotRequestDto = {
        name: `Draft: ${MONTHS[m - 1]} ${year}`,
        note: 'Pinned automatically on the first day of the next month. A draft: pin the published figures yourself.',
      };
      const answer = await this.commands.execute(
        new PinSnapshotCommand(
          snapshot,
          {
            actor: {
              userId: row.user_id,
              userName: row.name,
              workspaceId: row.workspace_id,
              role: 'admin',
            },
            correlationId: context.record.id,
            idempotencyKey: `monthly-draft-snapshot-${month}`,
            today: new Date().toISOString().slice(0, 10),
          },
          undefined,
        ),
      );
      pinned.push({ workspaceId: row.workspace_id, snapshotId: answer.id });
      await context.progress((100 * (i + 1)) / rows.length);
    }
    return { result: { month, pinned: pinned.length }, errors: [] };
  }
}
