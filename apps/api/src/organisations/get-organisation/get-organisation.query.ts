import { Actor } from '@app/application';
import { Query } from '@nestjs/cqrs';
import { OrganisationResponseDto } from './organisation.response.dto';

export class GetOrganisationQuery extends Query<OrganisationResponseDto> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
