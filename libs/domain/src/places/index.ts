export * from './region-points';
export * from './gazetteer';
