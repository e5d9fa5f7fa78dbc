export * from './evidence.decider';
