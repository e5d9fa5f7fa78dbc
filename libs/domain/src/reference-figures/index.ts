export * from './reference-figure.decider';
export * from './reference-figure-match';
