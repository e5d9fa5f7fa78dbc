import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../../projections/projections.module';
import { ListIncidentsHandler } from './list-incidents.handler';
import { ListIncidentsHttpController } from './list-incidents.http.controller';

@Module({
  imports: [ProjectionsModule],
  controllers: [ListIncidentsHttpController],
  providers: [ListIncidentsHandler],
})
export class ListIncidentsModule {}
