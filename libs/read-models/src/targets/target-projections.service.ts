import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { migrate, SQL_CLIENT, SqlClient, SqlExecutor } from '@app/database';
import { EVENT_STORE, EventStore, Position } from '@app/event-store';
import { CheckpointedSubscription } from '../subscription-runner/checkpointed-subscription';
import { TARGET_READ_MODEL_MIGRATIONS } from './targets.migration';
import { projectTargets } from './targets.projection';

export const TARGETS = 'targets';
export const TARGET_CATEGORIES = ['person', 'organisation'] as const;

/**
 * Runs the persons-and-organisations projection in this process (api and worker both start
 * it; the lease lets one of them consume at a time), as IncidentProjections does for incidents.
 */
@Injectable()
export class TargetProjections implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  private subscription?: CheckpointedSubscription;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static async migrate(sql: SqlClient): Promise<void> {
    await CheckpointedSubscription.migrate(sql);
    await migrate(sql, 'target_read_model_migrations', TARGET_READ_MODEL_MIGRATIONS);
  }

  async onApplicationBootstrap(): Promise<void> {
    await TargetProjections.migrate(this.sql);
    this.subscription = new CheckpointedSubscription({
      subscriptionId: TARGETS,
      store: this.store,
      sql: this.sql,
      categories: TARGET_CATEGORIES,
      handle: projectTargets,
      leaseMs: this.config.projectionLeaseMs,
      logger: this.logger,
    });
    this.subscription.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.stop();
  }

  /** The position the projection has committed (START before its first batch). */
  async position(executor: SqlExecutor = this.sql): Promise<Position> {
    const { rows } = await executor.query<{ position: Position }>(
      'SELECT position FROM subscription_checkpoints WHERE subscription_id = $1',
      [TARGETS],
    );
    return rows[0]?.position ?? ('' as Position);
  }
}
