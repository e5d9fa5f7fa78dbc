import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { TargetEntityKind } from '@app/domain';
import { TargetStore } from '@app/application/targets/target.commands';
import { readTarget, TargetRead } from '@app/application/targets/target.read';
import { seesPersonalData } from '../redaction';
import { TARGET_STORE } from '../target-store.provider';
import { OrganisationResponseDto } from './organisation.response.dto';
import { PersonResponseDto } from './person.response.dto';

export type TargetResponseDto = PersonResponseDto | OrganisationResponseDto;

/** GET /persons/:id and GET /organisations/:id. */
export class GetTargetQuery extends Query<TargetResponseDto> {
  constructor(
    readonly kind: TargetEntityKind,
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** What each kind answers: the codes for every reader, the personal fields for `full` ones. */
const VIEWS: Record<TargetEntityKind, (target: TargetRead, full: boolean) => TargetResponseDto> = {
  person: personView,
  organisation: organisationView,
};

@QueryHandler(GetTargetQuery)
export class GetTargetHandler implements IQueryHandler<GetTargetQuery> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  async execute({ kind, id, actor }: GetTargetQuery): Promise<TargetResponseDto> {
    const full = seesPersonalData(actor);
    // A redacted read never opens the person's key: the personal fields stay sealed.
    const target = await readTarget(this.store, kind, id, actor, { open: full });
    return VIEWS[kind](target, full);
  }
}

function personView(target: TargetRead, full: boolean): PersonResponseDto {
  const { details: d, aliases, erased } = target;
  const codes = {
    ...codesOf(target),
    gender: d.gender ?? null,
    birthYear: d.birthYear ?? null,
    erased,
    ...(target.mergedInto !== undefined && { mergedInto: target.mergedInto }),
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

function organisationView(target: TargetRead, full: boolean): OrganisationResponseDto {
  const { details: d, aliases } = target;
  // Its notes and contacts may name people: analysts get the label and the codes.
  if (!full) return codesOf(target);
  return { ...codesOf(target), name: d.name, notes: d.notes ?? null, aliases };
}

/** What every reader of either kind gets. */
function codesOf({ id, version, details: d }: TargetRead) {
  return {
    id,
    version,
    label: d.label,
    category: d.category ?? null,
    country: d.country ?? null,
  };
}
