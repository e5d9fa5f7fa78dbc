import { CommandExecutor } from '@app/application';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { readTarget } from '../../targets/target.read';
import { GetPersonQuery } from './get-person.query';
import { PersonResponseDto } from './person.response.dto';

@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ id, actor }: GetPersonQuery): Promise<PersonResponseDto> {
    const { version, details: d, aliases } = await readTarget(this.executor, 'person', id, actor);
    return {
      id,
      version,
      label: d.label,
      name: d.name,
      category: d.category ?? null,
      country: d.country ?? null,
      gender: d.gender ?? null,
      birthYear: d.birthYear ?? null,
      contacts: d.contacts ?? null,
      address: d.address ?? null,
      notes: d.notes ?? null,
      aliases,
    };
  }
}
