import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { connectRedis, REDIS } from '@app/infrastructure';
import Redis from 'ioredis';
import { CheckHealthQuery } from './check-health.query';
import { probe } from './dependency-probe';
import { HealthResponseDto, RedisHealthDto } from './health.response.dto';

@QueryHandler(CheckHealthQuery)
export class CheckHealthHandler implements IQueryHandler<CheckHealthQuery> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async execute(): Promise<HealthResponseDto> {
    const [eventStore, database, redis] = await Promise.all([
      probe(() => this.eventStore.ping()),
      probe(() => this.sql.query('SELECT 1')),
      this.checkRedis(),
    ]);
    const required = [eventStore, database];
    const status = required.some((d) => d.status === 'down')
      ? 'down'
      : redis.status === 'down'
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
        },
        database: { ...database, kind: this.sql.kind },
        redis,
      },
    };
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
