export * from './sql-client.port';
export * from './pg-pool.sql-client';
export * from './pglite.sql-client';
export * from './migrations';
export * from './copy-text';
export * from './same-transaction-record';
export * from './forget-old-row-versions';
