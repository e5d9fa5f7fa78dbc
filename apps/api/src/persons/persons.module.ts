import { Module } from '@nestjs/common';
import { TargetsModule } from '../targets/targets.module';
import { ErasePersonHandler } from './erase-person/erase-person.handler';
import { ErasePersonHttpController } from './erase-person/erase-person.http.controller';
import { PersonsHttpController } from './persons.http.controller';

@Module({
  imports: [TargetsModule],
  controllers: [PersonsHttpController, ErasePersonHttpController],
  providers: [ErasePersonHandler],
})
export class PersonsModule {}
