import { Module } from '@nestjs/common';
import { commandExecutorProvider } from '../shared/command-executor.provider';
import { AmendPersonHandler } from './amend-person/amend-person.handler';
import { AmendPersonHttpController } from './amend-person/amend-person.http.controller';
import { GetPersonHandler } from './get-person/get-person.handler';
import { GetPersonHttpController } from './get-person/get-person.http.controller';
import { LinkPersonAliasHandler } from './link-person-alias/link-person-alias.handler';
import { LinkPersonAliasHttpController } from './link-person-alias/link-person-alias.http.controller';
import { RegisterPersonHandler } from './register-person/register-person.handler';
import { RegisterPersonHttpController } from './register-person/register-person.http.controller';

@Module({
  controllers: [
    RegisterPersonHttpController,
    GetPersonHttpController,
    AmendPersonHttpController,
    LinkPersonAliasHttpController,
  ],
  providers: [
    commandExecutorProvider,
    RegisterPersonHandler,
    GetPersonHandler,
    AmendPersonHandler,
    LinkPersonAliasHandler,
  ],
})
export class PersonsModule {}
