export * from './import.job';
export * from './import-job.module';
export * from './import-template';
export * from './plan-import';
export * from './sheet/read-sheet';
export * from './sheet/sheet-columns';
