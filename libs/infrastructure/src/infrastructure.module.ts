import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { RecordingSqlClient, SQL_CLIENT, SqlClient } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import Redis from 'ioredis';
import { createRedisClient, openSqlClient } from './connections';
import { openSealedEventStore } from './sealed-text';

/** `Redis | null`: null when REDIS_URL is not set. */
export const REDIS = Symbol('Redis');

/**
 * The connections every process of ours needs (api, worker), opened from the configuration
 * and closed when the application shuts down.
 */
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  private readonly logger = new Logger(InfrastructureModule.name);

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: SQL_CLIENT,
          // A request's audit entry commits with its first change (apps/api's audit trail).
          useFactory: async () => new RecordingSqlClient(await openSqlClient(config.database)),
        },
        {
          provide: EVENT_STORE,
          inject: [SQL_CLIENT],
          // Incident free text sealed in and opened out (libs/infrastructure/src/sealed-text).
          useFactory: (sql: SqlClient) => openSealedEventStore(config, sql),
        },
        {
          provide: REDIS,
          useFactory: () =>
            config.redisUrl === undefined ? null : createRedisClient(config.redisUrl),
        },
      ],
      exports: [APP_CONFIG, SQL_CLIENT, EVENT_STORE, REDIS],
    };
  }

  // The store first: it may still be using the SQL client it was built on.
  async onApplicationShutdown(): Promise<void> {
    await this.closeQuietly('event store', () => this.eventStore.close());
    await this.closeQuietly('database', () => this.sql.close());
    const redis = this.redis;
    if (redis?.status === 'ready') await this.closeQuietly('redis', () => redis.quit());
    else redis?.disconnect();
  }

  private async closeQuietly(what: string, close: () => Promise<unknown>): Promise<void> {
    try {
      await close();
    } catch (error) {
      // A connection that is already gone is nothing to stop for; the name is enough.
      this.logger.warn(
        `closing the ${what} failed (${error instanceof Error ? error.name : 'error'})`,
      );
    }
  }
}
