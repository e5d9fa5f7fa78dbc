import { Module } from '@nestjs/common';
import { ReadModelsModule } from '@app/read-models';
import { TargetList } from '../targets/list-targets';
import { commandExecutorProvider } from '@app/application/command-executor.provider';
import { ListOrganisationsHttpController } from './list-organisations/list-organisations.http.controller';
import { targetStoreProvider } from '../targets/target-store.provider';
import { AmendOrganisationHandler } from './amend-organisation/amend-organisation.handler';
import { AmendOrganisationHttpController } from './amend-organisation/amend-organisation.http.controller';
import { GetOrganisationHandler } from './get-organisation/get-organisation.handler';
import { GetOrganisationHttpController } from './get-organisation/get-organisation.http.controller';
import { LinkOrganisationAliasHandler } from './link-organisation-alias/link-organisation-alias.handler';
import { LinkOrganisationAliasHttpController } from './link-organisation-alias/link-organisation-alias.http.controller';
import { RegisterOrganisationHandler } from './register-organisation/register-organisation.handler';
import { RegisterOrganisationHttpController } from './register-organisation/register-organisation.http.controller';

@Module({
  imports: [ReadModelsModule],
  controllers: [
    ListOrganisationsHttpController,
    RegisterOrganisationHttpController,
    GetOrganisationHttpController,
    AmendOrganisationHttpController,
    LinkOrganisationAliasHttpController,
  ],
  providers: [
    commandExecutorProvider,
    targetStoreProvider,
    TargetList,
    RegisterOrganisationHandler,
    GetOrganisationHandler,
    AmendOrganisationHandler,
    LinkOrganisationAliasHandler,
  ],
})
export class OrganisationsModule {}
