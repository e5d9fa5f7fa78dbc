export * from './personal-data-vault.port';
export * from './sql-key-vault';
export * from './master-key';
export * from './protection.module';
