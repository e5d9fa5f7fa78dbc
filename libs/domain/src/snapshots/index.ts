export * from './snapshot.decider';
export * from './snapshot-diff';
