import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Inject } from '@nestjs/common';
import { JobRecords } from '@app/jobs/job-records';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { connectRedis, REDIS } from '@app/infrastructure';
import Redis from 'ioredis';
import { ListProjectionsQuery } from '../projections/list-projections/list-projections.query';
import { CheckHealthQuery } from './check-health.query';
import { probe, withDeadline } from './dependency-probe';
import {
  AppendsInFlightDto,
  EventLoopHealthDto,
  HealthResponseDto,
  JobsHealthDto,
  ProjectionLagDto,
  RedisHealthDto,
} from './health.response.dto';

/** An event loop blocked this long between checks: this process could not answer meanwhile. */
const BLOCKED_LOOP_MS = 1_000;

@QueryHandler(CheckHealthQuery)
export class CheckHealthHandler implements IQueryHandler<CheckHealthQuery> {
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });
  /** From the first check on: start-up (migrations, a PGlite boot) blocks and is not news. */
  private watching = false;

  constructor(
    private readonly jobRecords: JobRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly queryBus: QueryBus,
  ) {}

  async execute(): Promise<HealthResponseDto> {
    const eventLoop = this.eventLoop();
    const [eventStore, database, redis, appendsInFlight, projections, jobs] = await Promise.all([
      probe(() => this.eventStore.ping()),
      probe(() => this.sql.query('SELECT 1')),
      this.checkRedis(),
      this.appendsInFlight(),
      this.projectionLag(),
      this.jobs(),
    ]);
    const required = [eventStore, database];
    const status = required.some((d) => d.status === 'down')
      ? 'down'
      : redis.status === 'down' || jobs?.status === 'stalled' || eventLoop.status === 'blocked'
        ? 'degraded'
        : 'ok';
    return {
      status,
      mode: this.config.mode,
      checkedAt: new Date().toISOString(),
      dependencies: {
        eventStore: {
          ...eventStore,
          kind: this.config.eventStore.kind === 'kurrentdb' ? 'kurrentdb' : this.sql.kind,
          ...(appendsInFlight && { appendsInFlight }),
        },
        database: { ...database, kind: this.sql.kind },
        redis,
      },
      ...(projections && { projections }),
      ...(jobs && { jobs }),
      eventLoop,
    };
  }

  /** The worst delay since the previous check, then a fresh window. */
  private eventLoop(): EventLoopHealthDto {
    if (!this.watching) {
      this.watching = true;
      this.loopDelay.enable();
    }
    const maxDelayMs = Math.round(this.loopDelay.max / 1e6);
    this.loopDelay.reset();
    return { status: maxDelayMs > BLOCKED_LOOP_MS ? 'blocked' : 'ok', maxDelayMs };
  }

  private async jobs(): Promise<JobsHealthDto | undefined> {
    try {
      const { jobs, seconds } = await withDeadline(() =>
        // Jobs waiting this long with no step: no worker takes or advances them (a wedged worker).
        this.jobRecords.stalled(this.config.jobStallSeconds),
      );
      return { status: jobs > 0 ? 'stalled' : 'ok', stalledJobs: jobs, stalledSeconds: seconds };
    } catch {
      return undefined;
    }
  }

  /** Undefined where the store cannot tell, or does not answer in time (the probe says why). */
  private async appendsInFlight(): Promise<AppendsInFlightDto | undefined> {
    const read = this.eventStore.appendsInFlight?.bind(this.eventStore);
    if (read === undefined) return undefined;
    return withDeadline(read).catch(() => undefined);
  }

  /** What GET /projections says, less the positions: an anonymous caller must not learn them. */
  private async projectionLag(): Promise<ProjectionLagDto[] | undefined> {
    try {
      const statuses = await withDeadline(() => this.queryBus.execute(new ListProjectionsQuery()));
      return statuses.map(({ name, state, lagEvents, lagSeconds }) => ({
        name,
        state,
        ...(lagEvents !== undefined && { lagEvents }),
        lagSeconds,
      }));
    } catch {
      return undefined;
    }
  }

  private async checkRedis(): Promise<RedisHealthDto> {
    const redis = this.redis;
    if (redis === null) return { status: 'not_configured' };
    return probe(async () => {
      await connectRedis(redis);
      await redis.ping();
    });
  }
}
