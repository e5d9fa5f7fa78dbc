import { Module } from '@nestjs/common';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { TargetsModule } from '../targets/targets.module';
import { ErasePersonHandler } from './erase-person/erase-person.handler';
import { ErasePersonHttpController } from './erase-person/erase-person.http.controller';
import { MergePersonHandler } from './merge-person/merge-person.handler';
import { MergePersonHttpController } from './merge-person/merge-person.http.controller';
import { PersonsHttpController } from './persons.http.controller';
import { UnmergePersonHandler } from './unmerge-person/unmerge-person.handler';
import { UnmergePersonHttpController } from './unmerge-person/unmerge-person.http.controller';

@Module({
  // StatisticsQueriesModule: who is merged into a person is the read model's to answer.
  imports: [TargetsModule, StatisticsQueriesModule],
  controllers: [
    PersonsHttpController,
    ErasePersonHttpController,
    MergePersonHttpController,
    UnmergePersonHttpController,
  ],
  providers: [ErasePersonHandler, MergePersonHandler, UnmergePersonHandler],
})
export class PersonsModule {}
