export * from './export.job';
export * from './export-job.module';
