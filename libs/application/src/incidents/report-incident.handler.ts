import { noteSameTransactionSubject } from '@app/database';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../actor';
import { CommandExecutor, Creation } from '../command-executor';
import { IdSource } from '../deterministic-id';
import { IncidentCommand, incidentDecider, IncidentEvent, IncidentState } from '@app/domain';
import { incidentStream } from '../streams';
import { ReportIncidentResponseDto } from './report-incident.response.dto';
import {
  IncidentTargets,
  RegisteredCategories,
  ResolvedTarget,
  resolveTarget,
} from './incident-targets';
import { ReportIncidentRequestDto } from './report-incident.request.dto';

export class ReportIncidentCommand extends Command<ReportIncidentResponseDto> {
  constructor(
    readonly body: ReportIncidentRequestDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

const ROUTE = 'POST /incidents';

/** A report as the executor takes it; every id derives from the context's Idempotency-Key. */
export interface IncidentReport {
  targets: ResolvedTarget[];
  command: IncidentCommand;
  creation: Creation<IncidentCommand, IncidentEvent, IncidentState>;
}

/** The ReportIncident command a request stands for (the import builds its batches with it). */
export function incidentReport(
  body: ReportIncidentRequestDto,
  context: CommandContext,
  registered?: RegisteredCategories,
): IncidentReport {
  const ids = IdSource.for(context.actor.workspaceId, context.idempotencyKey, ROUTE);
  const incidentId = ids.id('incident');
  // A request's audit entry names the incident, whatever it writes first (a person's key).
  noteSameTransactionSubject(incidentId);
  const targets = (body.targets ?? []).map((t, i) =>
    resolveTarget(t, `targets.${i}`, ids, registered),
  );
  const command: IncidentCommand = {
    type: 'ReportIncident',
    incidentId,
    today: context.today,
    draft: {
      title: body.title,
      description: body.description,
      country: body.country,
      region: body.region,
      place: body.place,
      location: body.location,
      occurred: body.occurred,
      type: body.type,
      rights: body.rights,
      legalBasis: body.legalBasis?.map(({ instrument, article, part }) => ({
        instrument,
        article,
        ...(part !== undefined && { part }),
      })),
      acts: targets.map((t) => t.act),
      perpetrators: (body.perpetrators ?? []).map((p, i) => ({
        perpetratorId: ids.id(`perpetrator:${i}`),
        source: p.source,
        role: p.role as 'main' | 'secondary',
        ...(p.unit !== undefined && { unit: p.unit }),
      })),
      sources: (body.sources ?? []).map((s, i) => ({ sourceId: ids.id(`source:${i}`), ...s })),
      tags: body.tags,
    },
  };
  const creation = {
    streamId: incidentStream(incidentId),
    id: incidentId,
    decider: incidentDecider,
    command: () => command,
    context,
    ids,
  };
  return { targets, command, creation };
}

/**
 * Records an incident with its acts, perpetrators and sources in one request. Targets given
 * inline are registered as persons or organisations first; every id derives from the
 * Idempotency-Key when there is one, so a retry registers and records nothing new.
 */
@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly targets: IncidentTargets,
  ) {}

  async execute({ body, context }: ReportIncidentCommand): Promise<ReportIncidentResponseDto> {
    const registered = await this.targets.categoriesOf(
      body.targets ?? [],
      context,
      (i) => `targets.${i}`,
    );
    const { targets, command, creation } = incidentReport(body, context, registered);
    // Check the whole report before registering anyone, so a refused report leaves nothing behind.
    incidentDecider.decide(command, incidentDecider.initialState);
    const possibleDuplicates = await this.targets.register(targets, context, ROUTE);
    return { ...(await this.executor.execute(creation)), possibleDuplicates };
  }
}
