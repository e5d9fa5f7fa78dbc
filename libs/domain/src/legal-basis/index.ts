export * from './parse-legal-basis';
