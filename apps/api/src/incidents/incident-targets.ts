import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, CommandExecutor, IdSource } from '@app/application';
import { Act, DomainError, FieldError, TargetEntityKind } from '@app/domain';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/protection';
import { registerTarget, targetStream } from '../targets/target.commands';
import { TargetDto } from './report-incident/report-incident.request.dto';

export interface ResolvedTarget {
  act: Act;
  /** Where the target stands in the request (`targets.2`), for error messages. */
  field: string;
  inline?: { name: string; label?: string; category?: string };
}

/**
 * Turns a request's target (an existing person or organisation, or one given inline) into an
 * act. Ids come from the IdSource, so retries of one request name the same targets.
 */
export function resolveTarget(t: TargetDto, field: string, ids: IdSource): ResolvedTarget {
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
  const category = t.category ?? inline?.category;
  if (category === undefined) {
    throw DomainError.invalid([
      { field: `${field}.category`, message: "is required: the target's category in this act" },
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
 * record was destroyed on request, and monitors must register them anew if that is meant.
 */
function refuseErased(
  target: ResolvedTarget,
  events: readonly { eventId: string; recordedAt: string; domainEvent: { type: string } }[],
): void {
  const erasure = events.find((e) => e.domainEvent.type === 'PersonErased');
  if (erasure === undefined) return;
  throw new DomainError(
    'conflict',
    'person_erased',
    `${target.field}.personId names a person erased on ${erasure.recordedAt} ` +
      `(erasure event ${erasure.eventId}); an erased person cannot be targeted again`,
  );
}

/** Checks referenced targets exist in the workspace and registers inline ones. */
@Injectable()
export class IncidentTargets {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async register(
    targets: readonly ResolvedTarget[],
    context: CommandContext,
    route: string,
  ): Promise<void> {
    await this.checkReferenced(targets, context);
    for (const target of targets) {
      if (target.inline) await this.registerInline(target, context, route);
    }
  }

  private async checkReferenced(
    targets: readonly ResolvedTarget[],
    context: CommandContext,
  ): Promise<void> {
    const errors: FieldError[] = [];
    for (const t of targets) {
      if (t.inline) continue;
      const history = await this.executor.load(targetStream(t.act.kind, t.act.targetId));
      if (history.events.length === 0 || history.workspaceId !== context.actor.workspaceId) {
        errors.push({ field: `${t.field}.${t.act.kind}Id`, message: `no such ${t.act.kind}` });
        continue;
      }
      refuseErased(t, history.events);
    }
    if (errors.length > 0) throw DomainError.invalid(errors);
  }

  private async registerInline(
    target: ResolvedTarget,
    context: CommandContext,
    route: string,
  ): Promise<void> {
    const { act, inline, field } = target;
    try {
      await registerTarget(
        { executor: this.executor, vault: this.vault },
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
