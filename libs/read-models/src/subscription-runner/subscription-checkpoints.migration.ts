import { Migration } from '@app/database';

/**
 * One row per subscription in the read database: its checkpoint (an opaque event-store
 * position) and its lease, so that exactly one consumer is active per subscription.
 */
export const subscriptionCheckpointsSchema: Migration = {
  id: '0001-subscription-checkpoints',
  sql: /* sql */ `
CREATE TABLE subscription_checkpoints (
  subscription_id text PRIMARY KEY,
  position        text NOT NULL DEFAULT '',
  owner           text,
  lease_until     timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now()
);`,
};
