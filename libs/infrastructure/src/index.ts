export * from './connections';
export * from './entry-point';
export * from './infrastructure.module';
export * from './private-directory';
export * from './app-logger';
export * from './sealed-text';
