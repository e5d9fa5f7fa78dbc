export * from './job-context';
export * from './job-records';
export * from './job-dispatcher';
export * from './job-runner';
export * from './jobs-options';
export * from './jobs.module';
export * from './job-processors.module';
export * from './monthly-schedule';
