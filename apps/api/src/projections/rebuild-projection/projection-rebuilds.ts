import { Inject, Injectable, Logger } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { DomainError } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { rebuildIncidentFacts } from '@app/read-models';

export interface RebuildStatus {
  state: 'rebuilding' | 'done' | 'failed';
  startedAt: string;
  finishedAt?: string;
  events: number;
  position: string;
  /** The table version being filled, or switched to. */
  version?: number;
  error?: string;
}

/**
 * Rebuilds run in this process (in embedded mode the API owns the PGlite directory, so the
 * cli cannot), one at a time, in the background; `GET /projections` reports their progress.
 */
@Injectable()
export class ProjectionRebuilds {
  private readonly logger = new Logger('Rebuild');
  private current?: RebuildStatus;
  private running?: Promise<void>;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  get status(): RebuildStatus | undefined {
    return this.current;
  }

  start(): RebuildStatus {
    if (this.current?.state === 'rebuilding') {
      throw new DomainError(
        'conflict',
        'rebuild_running',
        'a rebuild of this projection is already running',
      );
    }
    const status: RebuildStatus = {
      state: 'rebuilding',
      startedAt: new Date().toISOString(),
      events: 0,
      position: '',
    };
    this.current = status;
    this.running = rebuildIncidentFacts(this.sql, this.store, ({ events, position }) => {
      status.events = events;
      status.position = position;
    }).then(
      (result) => {
        Object.assign(status, {
          state: 'done',
          version: result.to,
          finishedAt: new Date().toISOString(),
        });
        this.logger.log(`incident-facts rebuilt: ${result.events} events, version ${result.to}`);
      },
      (error: unknown) => {
        // The name only: a message could quote data.
        const name = error instanceof Error ? error.name : 'error';
        Object.assign(status, {
          state: 'failed',
          error: name,
          finishedAt: new Date().toISOString(),
        });
        this.logger.error(`incident-facts rebuild failed (${name})`);
      },
    );
    return status;
  }

  /** Lets a running rebuild finish before the connections close. */
  async onModuleDestroy(): Promise<void> {
    await this.running;
  }
}
