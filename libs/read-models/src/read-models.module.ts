import { Module } from '@nestjs/common';
import { IncidentProjections } from './incidents/incident-projections.service';

/** The projections and read models; needs the InfrastructureModule's SQL client and event store. */
@Module({
  providers: [IncidentProjections],
  exports: [IncidentProjections],
})
export class ReadModelsModule {}
