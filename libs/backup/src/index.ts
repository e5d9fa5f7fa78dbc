export * from './backup-archive';
export * from './backup-encryption';
export * from './backup-reader';
export * from './backup-tables';
export * from './erasure-list';
export * from './restore';
