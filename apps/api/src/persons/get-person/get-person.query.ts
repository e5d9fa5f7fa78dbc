import { Actor } from '@app/application';
import { Query } from '@nestjs/cqrs';
import { PersonResponseDto } from './person.response.dto';

export class GetPersonQuery extends Query<PersonResponseDto> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
