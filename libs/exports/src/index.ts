export * from './export.job';
export * from './export-job.module';
export * from './cases/case-export.module';
