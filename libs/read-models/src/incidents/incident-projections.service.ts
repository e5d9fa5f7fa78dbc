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
import { projectIncidentFacts } from './incident-facts.projection';
import { INCIDENT_READ_MODEL_MIGRATIONS } from './read-models.migration';

export const INCIDENT_FACTS = 'incident-facts';

/**
 * Runs the incident projections in this process. The api and the worker both start it; the
 * subscription's lease lets exactly one of them consume at a time, so a deployment may run
 * either or both (embedded mode has only the api).
 */
@Injectable()
export class IncidentProjections implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  private subscription?: CheckpointedSubscription;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static async migrate(sql: SqlClient): Promise<void> {
    await CheckpointedSubscription.migrate(sql);
    await migrate(sql, 'read_model_migrations', INCIDENT_READ_MODEL_MIGRATIONS);
  }

  async onApplicationBootstrap(): Promise<void> {
    await IncidentProjections.migrate(this.sql);
    this.subscription = new CheckpointedSubscription({
      subscriptionId: INCIDENT_FACTS,
      store: this.store,
      sql: this.sql,
      categories: ['incident'],
      handle: projectIncidentFacts,
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
      [INCIDENT_FACTS],
    );
    return rows[0]?.position ?? ('' as Position);
  }
}
