/** A fixed master key for server mode in tests (embedded mode generates its own in the temp dir). */
export const TEST_MASTER_KEY = Buffer.alloc(32, 'rights-ledger-test-master-key').toString('base64');

/** The BOOTSTRAP_ADMIN_TOKEN of test apps, spawned ones included. */
export const TEST_ADMIN_TOKEN = 'rl_test-admin-token-0123456789abcdef';
