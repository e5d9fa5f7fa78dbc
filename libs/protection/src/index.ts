export * from './personal-data-vault.port';
export * from './sql-key-vault';
export * from './master-key';
export * from './protection.module';
export * from './name-index.port';
export * from './sql-name-index';
export * from './evidence-storage.port';
export * from './sql-evidence-storage';
