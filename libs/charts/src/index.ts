export * from './chart-spec';
export * from './period-axis';
export * from './query-words';
