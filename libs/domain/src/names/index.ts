export * from './fold-name';
