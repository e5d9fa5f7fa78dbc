import { ApiProperty } from '@nestjs/swagger';
import { TargetEntityKind } from '@app/domain';
import { CommandResponseDto } from '../command-response.dto';
import { Actor, CommandContext } from '../actor';
import { registerTarget, TargetRegistration, TargetStore } from './target.commands';
import { nameMatches, NameMatchReason } from './name-search';
import { readTarget } from './target.read';

/** At most this many candidates are reported: a common name would otherwise list hundreds. */
const MAX_CANDIDATES = 20;
const RANK: Record<NameMatchReason, number> = { same_name: 0, name_parts_match: 1 };

export class PossibleDuplicateDto {
  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  id!: string;

  @ApiProperty({
    example: 'P-6F1C1A',
    description: 'The pseudonymous label of the existing record.',
  })
  label!: string;

  @ApiProperty({
    enum: ['same_name', 'name_parts_match'],
    example: 'same_name',
    description:
      '`same_name`: a name or alias with the same parts once transliterated and folded ' +
      '(Дулат Агадил = Dulat Agadil); `name_parts_match`: every part of the new name is a part ' +
      'of one of its names.',
  })
  reason!: NameMatchReason;
}

export class RegisterTargetResponseDto extends CommandResponseDto {
  @ApiProperty({
    type: [PossibleDuplicateDto],
    description:
      'Existing records of the workspace that may be the same one: recorded anyway (namesakes ' +
      'exist); compare them, and name the existing record by id next time.',
  })
  possibleDuplicates!: PossibleDuplicateDto[];
}

/** The possible duplicates of one target given inline in a request (`targets.0`). */
export class InlineTargetDuplicatesDto {
  @ApiProperty({ example: 'targets.0' })
  field!: string;

  @ApiProperty({ format: 'uuid', description: 'The record this request registered.' })
  id!: string;

  @ApiProperty({ type: [PossibleDuplicateDto] })
  candidates!: PossibleDuplicateDto[];
}

/**
 * The workspace's persons (or organisations) whose names match these names as a whole, found
 * through the name index; `exclude` is the record just registered. Labels only: the caller
 * opens a candidate with GET /persons/{id} if it may see names.
 */
export async function possibleDuplicates(
  store: TargetStore,
  kind: TargetEntityKind,
  names: readonly string[],
  actor: Actor,
  exclude?: string,
): Promise<PossibleDuplicateDto[]> {
  const matches = (await nameMatches(store.nameIndex, actor.workspaceId, kind, names))
    .filter((m) => m.subjectId !== exclude)
    // The closer match first, then a stable order.
    .sort((a, b) => RANK[a.reason] - RANK[b.reason] || a.subjectId.localeCompare(b.subjectId))
    .slice(0, MAX_CANDIDATES);
  return Promise.all(
    matches.map(async (m) => {
      const { details } = await readTarget(store, kind, m.subjectId, actor, { open: false });
      return { id: m.subjectId, label: details.label, reason: m.reason };
    }),
  );
}

/** Registers a person or organisation and reports the existing records it may duplicate. */
export async function registerReportingDuplicates(
  store: TargetStore,
  kind: TargetEntityKind,
  registration: TargetRegistration,
  context: CommandContext,
): Promise<RegisterTargetResponseDto> {
  const result = await registerTarget(store, kind, registration, context);
  const names = [registration.details.name, ...(registration.aliases ?? [])];
  return {
    ...result,
    possibleDuplicates: await possibleDuplicates(store, kind, names, context.actor, result.id),
  };
}
