import { Module } from '@nestjs/common';
import { IncidentProjections } from './incidents/incident-projections.service';
import { TargetProjections } from './targets/target-projections.service';

/** The projections and read models; needs the InfrastructureModule's SQL client and event store. */
@Module({
  providers: [IncidentProjections, TargetProjections],
  exports: [IncidentProjections, TargetProjections],
})
export class ReadModelsModule {}
