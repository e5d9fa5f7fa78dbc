import { Inject, Injectable } from '@nestjs/common';
import { CommandContext } from '../actor';
import { CommandExecutor } from '../command-executor';
import { IdSource } from '../deterministic-id';
import { Act, DomainError, FieldError, TargetEntityKind } from '@app/domain';
import { NAME_INDEX, NameIndex, PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/protection';
import { registerTarget, TargetStore } from '../targets/target.commands';
import { readTarget, TargetRead } from '../targets/target.read';
import { InlineTargetDuplicatesDto, possibleDuplicates } from '../targets/possible-duplicates';
import { TargetDto } from './report-incident.request.dto';

export interface ResolvedTarget {
  act: Act;
  /** Where the target stands in the request (`targets.2`), for error messages. */
  field: string;
  inline?: { name: string; label?: string; category?: string };
}

/** The categories the referenced persons and organisations were registered with, by id. */
export type RegisteredCategories = ReadonlyMap<string, string>;

/**
 * Turns a request's target (an existing person or organisation, or one given inline) into an
 * act. Ids come from the IdSource, so retries of one request name the same targets. Without a
 * category for this act, the act takes the category the target was registered with: monitors
 * say otherwise only when this act differs (a lawyer detained as a protester).
 */
export function resolveTarget(
  t: TargetDto,
  field: string,
  ids: IdSource,
  registered: RegisteredCategories = new Map(),
): ResolvedTarget {
  const given = [t.personId, t.organisationId, t.person, t.organisation].filter(
    (x) => x !== undefined,
  );
  if (given.length !== 1) {
    throw DomainError.invalid([
      { field, message: 'give exactly one of personId, organisationId, person, organisation' },
    ]);
  }
  const kind: TargetEntityKind =
    t.personId !== undefined || t.person !== undefined ? 'person' : 'organisation';
  const inline = t.person ?? t.organisation;
  const referenced = t.personId ?? t.organisationId;
  const category =
    t.category ?? inline?.category ?? (referenced ? registered.get(referenced) : undefined);
  if (category === undefined) {
    throw DomainError.invalid([
      {
        field: `${field}.category`,
        message: referenced
          ? `is required: the ${kind} was registered without a category; give the category in this act`
          : "is required: the target's category in this act",
      },
    ]);
  }
  return {
    field,
    inline,
    act: {
      actId: ids.id(`act:${field}`),
      kind,
      targetId: t.personId ?? t.organisationId ?? ids.id(`target:${field}`),
      category,
    },
  };
}

/**
 * An erased person is not targeted again: the act would tie a new incident to someone whose
 * record was destroyed on request; monitors register them anew if that is really meant.
 */
function refuseErased(target: TargetRead, field: string): void {
  if (target.erasure === undefined) return;
  throw new DomainError(
    'conflict',
    'person_erased',
    `${field} names a person erased on ${target.erasure.at} ` +
      `(erasure event ${target.erasure.eventId}); an erased person cannot be targeted again`,
  );
}

/**
 * A merged person is not targeted again: their acts count as the kept person's, and a new act
 * belongs with the kept record, where the monitor will look for it. Refused rather than
 * redirected, so that a client never records against an id it did not send.
 */
function refuseMerged(target: TargetRead, field: string): void {
  if (target.mergedInto === undefined) return;
  throw new DomainError(
    'conflict',
    'person_merged',
    `${field} names a person merged into ${target.mergedInto}: name that person instead`,
  );
}

/** Checks referenced targets exist in the workspace and registers inline ones. */
@Injectable()
export class IncidentTargets {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(NAME_INDEX) private readonly nameIndex: NameIndex,
  ) {}

  private get store(): TargetStore {
    return { executor: this.executor, vault: this.vault, nameIndex: this.nameIndex };
  }

  /**
   * Registers the inline targets (the referenced ones were checked by `categoriesOf`), and
   * reports, for each, the existing records of the same name: a monitor who typed a name
   * again learns of the record made last month.
   */
  async register(
    targets: readonly ResolvedTarget[],
    context: CommandContext,
    route: string,
  ): Promise<InlineTargetDuplicatesDto[]> {
    const reports: InlineTargetDuplicatesDto[] = [];
    for (const target of targets) {
      if (!target.inline) continue;
      await this.registerInline(target, context, route);
      const { kind, targetId } = target.act;
      const candidates = await possibleDuplicates(
        this.store,
        kind,
        [target.inline.name],
        context.actor,
        targetId,
      );
      if (candidates.length > 0) reports.push({ field: target.field, id: targetId, candidates });
    }
    return reports;
  }

  /**
   * The registered categories of the persons and organisations a request names by id; a 400
   * naming the field for one that is not in the workspace. Categories are codes, stored in
   * clear: no key is opened here.
   */
  async categoriesOf(
    targets: readonly TargetDto[],
    context: CommandContext,
    fieldOf: (index: number) => string,
  ): Promise<RegisteredCategories> {
    const errors: FieldError[] = [];
    const categories = new Map<string, string>();
    for (const [i, t] of targets.entries()) {
      const kind: TargetEntityKind | undefined =
        t.personId !== undefined
          ? 'person'
          : t.organisationId !== undefined
            ? 'organisation'
            : undefined;
      const id = t.personId ?? t.organisationId;
      if (kind === undefined || id === undefined) continue;
      try {
        const target = await readTarget(this.store, kind, id, context.actor, { open: false });
        refuseErased(target, `${fieldOf(i)}.personId`);
        refuseMerged(target, `${fieldOf(i)}.personId`);
        if (target.details.category !== undefined) categories.set(id, target.details.category);
      } catch (error) {
        if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
        errors.push({ field: `${fieldOf(i)}.${kind}Id`, message: `no such ${kind}` });
      }
    }
    if (errors.length > 0) throw DomainError.invalid(errors);
    return categories;
  }

  private async registerInline(
    target: ResolvedTarget,
    context: CommandContext,
    route: string,
  ): Promise<void> {
    const { act, inline, field } = target;
    try {
      await registerTarget(
        this.store,
        act.kind,
        { details: { name: inline!.name, label: inline!.label, category: inline!.category } },
        context,
        { id: act.targetId, scope: `${route} ${field}` },
      );
    } catch (error) {
      // The decider names fields of the person; the client sent them inside the target.
      if (error instanceof DomainError && error.kind === 'invalid') {
        throw DomainError.invalid(
          error.errors.map((e) => ({ ...e, field: `${field}.${act.kind}.${e.field}` })),
        );
      }
      throw error;
    }
  }
}
