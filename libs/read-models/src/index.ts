export * from './subscription-runner/checkpointed-subscription';
export * from './incidents/incident-facts.projection';
export * from './incidents/incident-projections.service';
export * from './incidents/read-models.migration';
export * from './read-models.module';
export * from './incidents/incident-facts.rebuild';
