export * from './subscription-runner/checkpointed-subscription';
