import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { readTarget } from '@app/application/targets/target.read';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { TargetStore } from '@app/application/targets/target.commands';
import { seesPersonalData } from '../../targets/redaction';
import { GetPersonQuery } from './get-person.query';
import { PersonResponseDto } from './person.response.dto';

@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  async execute({ id, actor }: GetPersonQuery): Promise<PersonResponseDto> {
    const full = seesPersonalData(actor);
    // An analyst's read never opens the key: the personal fields stay sealed.
    const person = await readTarget(this.store, 'person', id, actor, { open: full });
    const { version, details: d, aliases, erased } = person;
    const codes = {
      id,
      version,
      label: d.label,
      category: d.category ?? null,
      country: d.country ?? null,
      gender: d.gender ?? null,
      birthYear: d.birthYear ?? null,
      erased,
    };
    if (!full) return codes;
    return {
      ...codes,
      name: d.name,
      contacts: d.contacts ?? null,
      address: d.address ?? null,
      notes: d.notes ?? null,
      aliases,
    };
  }
}
