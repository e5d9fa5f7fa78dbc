import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { SqlClient, SqlExecutor } from '@app/database';
import { EventStore, Position } from '@app/event-store';
import { BatchHandler, CheckpointedSubscription } from './checkpointed-subscription';

/** What a projection is: its subscription, the event categories it reads, its schema. */
export interface ProjectionDefinition {
  subscriptionId: string;
  categories: readonly string[];
  handle: BatchHandler;
  migrate(sql: SqlClient): Promise<void>;
}

/**
 * Runs one projection in this process. The api and the worker both start it; the
 * subscription's lease lets exactly one of them consume at a time, so a deployment may run
 * either or both (embedded mode has only the api).
 */
export abstract class HostedProjection implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  private subscription?: CheckpointedSubscription;

  protected constructor(
    protected readonly sql: SqlClient,
    private readonly store: EventStore,
    private readonly config: AppConfig,
    private readonly definition: ProjectionDefinition,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.definition.migrate(this.sql);
    this.subscription = new CheckpointedSubscription({
      subscriptionId: this.definition.subscriptionId,
      store: this.store,
      sql: this.sql,
      categories: this.definition.categories,
      handle: this.definition.handle,
      leaseMs: this.config.projectionLeaseMs,
      logger: this.logger,
    });
    this.subscription.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.stop();
  }

  /**
   * The position the projection has committed (START before its first batch); pass a
   * transaction to read it in the same snapshot as the read models.
   */
  async position(executor: SqlExecutor = this.sql): Promise<Position> {
    const { rows } = await executor.query<{ position: Position }>(
      'SELECT position FROM subscription_checkpoints WHERE subscription_id = $1',
      [this.definition.subscriptionId],
    );
    return rows[0]?.position ?? ('' as Position);
  }
}
