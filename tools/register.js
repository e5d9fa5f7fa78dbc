// Runs TypeScript sources directly (SWC, with decorator metadata for Nest's DI and the
// tsconfig path aliases), so `npm start` needs no build step.
process.env.SWC_NODE_PROJECT ??= require('node:path').join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
