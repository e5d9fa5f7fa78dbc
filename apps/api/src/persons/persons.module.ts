import { Module } from '@nestjs/common';
import { ReadModelsModule } from '@app/read-models';
import { TargetList } from '../targets/list-targets';
import { commandExecutorProvider } from '@app/application/command-executor.provider';
import { ListPersonsHttpController } from './list-persons/list-persons.http.controller';
import { targetStoreProvider } from '../targets/target-store.provider';
import { AmendPersonHandler } from './amend-person/amend-person.handler';
import { AmendPersonHttpController } from './amend-person/amend-person.http.controller';
import { ErasePersonHandler } from './erase-person/erase-person.handler';
import { ErasePersonHttpController } from './erase-person/erase-person.http.controller';
import { GetPersonHandler } from './get-person/get-person.handler';
import { GetPersonHttpController } from './get-person/get-person.http.controller';
import { LinkPersonAliasHandler } from './link-person-alias/link-person-alias.handler';
import { LinkPersonAliasHttpController } from './link-person-alias/link-person-alias.http.controller';
import { RegisterPersonHandler } from './register-person/register-person.handler';
import { RegisterPersonHttpController } from './register-person/register-person.http.controller';

@Module({
  imports: [ReadModelsModule],
  controllers: [
    ListPersonsHttpController,
    RegisterPersonHttpController,
    GetPersonHttpController,
    AmendPersonHttpController,
    LinkPersonAliasHttpController,
    ErasePersonHttpController,
  ],
  providers: [
    commandExecutorProvider,
    targetStoreProvider,
    TargetList,
    RegisterPersonHandler,
    GetPersonHandler,
    AmendPersonHandler,
    LinkPersonAliasHandler,
    ErasePersonHandler,
  ],
})
export class PersonsModule {}
