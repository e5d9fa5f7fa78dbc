import { Module } from '@nestjs/common';
import { GetJobHandler } from './get-job/get-job.handler';
import { GetJobHttpController } from './get-job/get-job.http.controller';

/** GET /jobs/:id; the job records come from the global JobsModule (libs/jobs). */
@Module({ controllers: [GetJobHttpController], providers: [GetJobHandler] })
export class JobsHttpModule {}
