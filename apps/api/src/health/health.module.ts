import { Module } from '@nestjs/common';
import { CheckHealthHandler } from './check-health.handler';
import { HealthHttpController } from './health.http.controller';

@Module({
  controllers: [HealthHttpController],
  providers: [CheckHealthHandler],
})
export class HealthModule {}
