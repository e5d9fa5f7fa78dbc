import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor, CommandContext, CommandResult, IdempotencyKeyReused } from '@app/application';
import { DomainError } from '@app/domain';
import { EVENT_STORE, EventStore, Position } from '@app/event-store';
import { ReportIncidentCommand } from '../incidents/report-incident/report-incident.handler';
import { ReportIncidentRequestDto } from '../incidents/report-incident/report-incident.request.dto';
import { RegisterOrganisationCommand } from '../organisations/register-organisation/register-organisation.command';
import { RegisterOrganisationRequestDto } from '../organisations/register-organisation/register-organisation.request.dto';
import { RegisterPersonCommand } from '../persons/register-person/register-person.command';
import { RegisterPersonRequestDto } from '../persons/register-person/register-person.request.dto';
import { JobContext, JobOutcome, JobReleased, JobWork } from '../jobs/job-context';
import { JobRecords } from '../jobs/job-records';
import { canonicalJson } from '../shared/command-request';
import {
  ImportPlan,
  ImportProblem,
  normaliseName,
  PlannedIncident,
  PlannedTarget,
  planImport,
  possibleDuplicatePersons,
} from './plan-import';
import { readSheet, SheetFormat, SheetTable, UnreadableSheet } from './sheet/read-sheet';

export interface ImportInput {
  dryRun: boolean;
  format: SheetFormat;
  actor: Actor;
}

export const IMPORT_FILE = 'input';

/** Incidents recorded at once: enough to keep PostgreSQL's commits overlapping. */
const CONCURRENCY = 12;

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  incidents: number;
  acts: number;
  recorded: { incidents: number; acts: number; persons: number; organisations: number };
  alreadyImported: { incidents: number; acts: number };
  rowsNotImported: number;
  possibleDuplicatePersons: { rows: number[]; personIds?: string[]; message: string }[];
}

/**
 * An uploaded monitoring sheet, checked (dry run) or recorded. Recording goes through the same
 * commands as the API: RegisterPerson / RegisterOrganisation and ReportIncident, each with an
 * Idempotency-Key derived from the row's content, so a re-upload (or a job re-run after a
 * crash or a shutdown) records nothing twice.
 */
@Injectable()
export class ImportJob implements JobWork {
  readonly type = 'import' as const;

  constructor(
    private readonly commands: CommandBus,
    private readonly records: JobRecords,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async run(context: JobContext): Promise<JobOutcome> {
    const { id } = context.record;
    const input = context.record.input as unknown as ImportInput;
    const today = new Date().toISOString().slice(0, 10);
    const file = await this.records.getFile(id, IMPORT_FILE);
    let table: SheetTable;
    try {
      table = await readSheet(file?.content ?? Buffer.alloc(0), input.format);
    } catch (error) {
      if (!(error instanceof UnreadableSheet)) throw error;
      const problem: ImportProblem = {
        row: null,
        column: null,
        value: null,
        message: error.reason,
      };
      return { result: emptyResult(input.dryRun), errors: [problem] };
    }
    const plan = planImport(table, today);
    await context.progress(input.dryRun ? 50 : 2);
    const duplicates = possibleDuplicatePersons(plan.incidents);
    const result: ImportResult = {
      ...emptyResult(input.dryRun),
      rows: plan.rows,
      incidents: plan.incidents.length,
      acts: plan.incidents.reduce((n, i) => n + i.targets.length, 0),
      rowsNotImported: plan.rowsNotImportable,
      possibleDuplicatePersons: duplicates.map(({ rows, message }) => ({ rows, message })),
    };
    if (input.dryRun) return { result, errors: plan.problems };

    const recording = new Recording(this.commands, input.actor, id, today);
    await recording.start(this.store);
    const problems = [...plan.problems];
    await recordAll(plan, context, async (incident) => {
      try {
        await recording.incident(incident, result);
      } catch (error) {
        problems.push(...refusal(error, incident));
        result.rowsNotImported += incident.rows.length;
      }
    });
    // Every spelling's person id, for the monitor to compare them.
    result.possibleDuplicatePersons = duplicates.map(({ rows, names, message }) => ({
      rows,
      personIds: names.map((n) => recording.personIdOf(n)).filter((x) => x !== undefined),
      message,
    }));
    return { result, errors: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  }
}

/** Runs `each` over the plan's incidents, CONCURRENCY at a time, reporting progress every 1%. */
async function recordAll(
  plan: ImportPlan,
  context: JobContext,
  each: (incident: PlannedIncident) => Promise<void>,
): Promise<void> {
  const total = plan.incidents.length;
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < total && !context.stopping()) {
      const incident = plan.incidents[next++];
      await each(incident);
      done++;
      await context.progress(2 + (97 * done) / total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, total) }, lane));
  // Stopped for a shutdown: what is recorded stays; the rest resumes where the job runs next.
  if (done < total) throw new JobReleased();
}

class Recording {
  private head = '' as Position;
  private readonly targets = new Map<string, Promise<string>>();
  private readonly personIds = new Map<string, string>();

  constructor(
    private readonly commands: CommandBus,
    private readonly actor: Actor,
    private readonly jobId: string,
    private readonly today: string,
  ) {}

  /** What the store held before: a command answering an older position was a replay. */
  async start(store: EventStore): Promise<void> {
    this.head = await store.headPosition();
  }

  personIdOf(normalisedName: string): string | undefined {
    return this.personIds.get(normalisedName);
  }

  async incident(incident: PlannedIncident, result: ImportResult): Promise<void> {
    const targets = await Promise.all(
      incident.targets.map(async (t) => {
        const id = await this.target(t, result);
        return t.kind === 'person'
          ? { personId: id, category: t.category }
          : { organisationId: id, category: t.category };
      }),
    );
    const body = { ...incident.draft, targets } as unknown as ReportIncidentRequestDto;
    const answer = await this.commands.execute(
      new ReportIncidentCommand(body, this.context(`incident ${incident.key}`, body)),
    );
    if (this.isNew(answer)) {
      result.recorded.incidents++;
      result.recorded.acts += targets.length;
    } else {
      result.alreadyImported.incidents++;
      result.alreadyImported.acts += targets.length;
    }
  }

  /**
   * One person (or organisation) per name as written, ignoring case and spacing: a sheet
   * names the same activist in several rows. Its id derives from the name, so later sheets
   * find the same person.
   */
  private target(t: PlannedTarget, result: ImportResult): Promise<string> {
    const name = normaliseName(t.name);
    const key = `${t.kind} ${name}`;
    let id = this.targets.get(key);
    if (id === undefined) {
      id = this.register(t, key, result);
      this.targets.set(key, id);
      if (t.kind === 'person')
        void id.then(
          (x) => this.personIds.set(name, x),
          () => undefined,
        );
    }
    return id;
  }

  private async register(t: PlannedTarget, key: string, result: ImportResult): Promise<string> {
    // No request hash: the first spelling registered stands; a later one is the same person.
    const context = this.context(key);
    const answer =
      t.kind === 'person'
        ? await this.commands.execute(
            new RegisterPersonCommand({ name: t.name } as RegisterPersonRequestDto, context),
          )
        : await this.commands.execute(
            new RegisterOrganisationCommand(
              { name: t.name } as RegisterOrganisationRequestDto,
              context,
            ),
          );
    if (this.isNew(answer)) result.recorded[t.kind === 'person' ? 'persons' : 'organisations']++;
    return answer.id;
  }

  private context(what: string, body?: unknown): CommandContext {
    return {
      actor: this.actor,
      correlationId: this.jobId,
      idempotencyKey: `import-${sha256(what).slice(0, 48)}`,
      ...(body !== undefined && { requestHash: sha256(canonicalJson(body)) }),
      today: this.today,
    };
  }

  private isNew(answer: CommandResult): boolean {
    return answer.position > this.head;
  }
}

function refusal(error: unknown, incident: PlannedIncident): ImportProblem[] {
  const row = incident.rows[0];
  if (error instanceof IdempotencyKeyReused) {
    return [
      {
        row,
        column: null,
        value: null,
        message:
          'this incident was imported before with different content: correct the recorded incident (POST /incidents/{id}/corrections) instead of importing it again',
      },
    ];
  }
  if (error instanceof DomainError) {
    const details =
      error.errors.length > 0 ? error.errors : [{ field: '', message: error.message }];
    return details.map((e) => ({
      row,
      column: null,
      value: null,
      message: `${e.field === '' ? '' : `${e.field}: `}${e.message}`,
    }));
  }
  throw error;
}

function emptyResult(dryRun: boolean): ImportResult {
  return {
    dryRun,
    rows: 0,
    incidents: 0,
    acts: 0,
    recorded: { incidents: 0, acts: 0, persons: 0, organisations: 0 },
    alreadyImported: { incidents: 0, acts: 0 },
    rowsNotImported: 0,
    possibleDuplicatePersons: [],
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
