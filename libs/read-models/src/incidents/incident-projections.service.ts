import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { migrate, SQL_CLIENT, SqlClient } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CheckpointedSubscription } from '../subscription-runner/checkpointed-subscription';
import { HostedProjection } from '../subscription-runner/hosted-projection';
import { projectIncidentFacts } from './incident-facts.projection';
import { INCIDENT_READ_MODEL_MIGRATIONS } from './read-models.migration';

export const INCIDENT_FACTS = 'incident-facts';
/**
 * What the projection reads: the incidents, and the persons for their merges (a duplicate's
 * acts count as the kept person's). Every other person event is skipped.
 */
export const INCIDENT_FACTS_CATEGORIES: readonly string[] = ['incident', 'person'];

/** The incident read models: `rm_incidents`, the act fact table `rm_acts`, `rm_person_merges`. */
@Injectable()
export class IncidentProjections extends HostedProjection {
  constructor(
    @Inject(SQL_CLIENT) sql: SqlClient,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(sql, store, config, {
      subscriptionId: INCIDENT_FACTS,
      categories: INCIDENT_FACTS_CATEGORIES,
      handle: projectIncidentFacts,
      migrate: IncidentProjections.migrate,
    });
  }

  static async migrate(sql: SqlClient): Promise<void> {
    await CheckpointedSubscription.migrate(sql);
    await migrate(sql, 'read_model_migrations', INCIDENT_READ_MODEL_MIGRATIONS);
  }
}
