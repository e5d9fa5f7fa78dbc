import { Module } from '@nestjs/common';
import { TargetsModule } from '../targets/targets.module';
import { OrganisationsHttpController } from './organisations.http.controller';

@Module({
  imports: [TargetsModule],
  controllers: [OrganisationsHttpController],
})
export class OrganisationsModule {}
