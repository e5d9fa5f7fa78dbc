import { Inject } from '@nestjs/common';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { TargetStore } from '@app/application/targets/target.commands';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { seesPersonalData } from '../../targets/redaction';
import { readTarget } from '@app/application/targets/target.read';
import { GetOrganisationQuery } from './get-organisation.query';
import { OrganisationResponseDto } from './organisation.response.dto';

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  async execute({ id, actor }: GetOrganisationQuery): Promise<OrganisationResponseDto> {
    const {
      version,
      details: d,
      aliases,
    } = await readTarget(this.store, 'organisation', id, actor);
    const codes = {
      id,
      version,
      label: d.label,
      category: d.category ?? null,
      country: d.country ?? null,
    };
    // Its notes and contacts may name people: analysts get the label and the codes.
    if (!seesPersonalData(actor)) return codes;
    return { ...codes, name: d.name, notes: d.notes ?? null, aliases };
  }
}
