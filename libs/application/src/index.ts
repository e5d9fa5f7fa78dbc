export * from './actor';
export * from './deterministic-id';
export * from './command-executor';
