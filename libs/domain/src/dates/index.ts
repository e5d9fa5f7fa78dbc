export * from './partial-date';
