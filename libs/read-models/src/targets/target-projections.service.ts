import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { migrate, SQL_CLIENT, SqlClient } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CheckpointedSubscription } from '../subscription-runner/checkpointed-subscription';
import { HostedProjection } from '../subscription-runner/hosted-projection';
import { TARGET_READ_MODEL_MIGRATIONS } from './targets.migration';
import { projectTargets } from './targets.projection';

export const TARGETS = 'targets';
export const TARGET_CATEGORIES = ['person', 'organisation'] as const;

/** The persons-and-organisations read model `rm_targets` (redacted: no names). */
@Injectable()
export class TargetProjections extends HostedProjection {
  constructor(
    @Inject(SQL_CLIENT) sql: SqlClient,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(sql, store, config, {
      subscriptionId: TARGETS,
      categories: TARGET_CATEGORIES,
      handle: projectTargets,
      migrate: TargetProjections.migrate,
    });
  }

  static async migrate(sql: SqlClient): Promise<void> {
    await CheckpointedSubscription.migrate(sql);
    await migrate(sql, 'target_read_model_migrations', TARGET_READ_MODEL_MIGRATIONS);
  }
}
