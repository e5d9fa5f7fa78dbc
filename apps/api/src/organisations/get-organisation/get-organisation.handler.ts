import { CommandExecutor } from '@app/application';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { readTarget } from '../../targets/target.read';
import { GetOrganisationQuery } from './get-organisation.query';
import { OrganisationResponseDto } from './organisation.response.dto';

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ id, actor }: GetOrganisationQuery): Promise<OrganisationResponseDto> {
    const {
      version,
      details: d,
      aliases,
    } = await readTarget(this.executor, 'organisation', id, actor);
    return {
      id,
      version,
      label: d.label,
      name: d.name,
      category: d.category ?? null,
      country: d.country ?? null,
      notes: d.notes ?? null,
      aliases,
    };
  }
}
