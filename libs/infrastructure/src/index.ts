export * from './connections';
export * from './entry-point';
export * from './infrastructure.module';
