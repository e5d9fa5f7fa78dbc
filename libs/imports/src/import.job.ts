import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  CommandContext,
  CommandExecutor,
  CommandResult,
  Creation,
  IdempotencyKeyReused,
} from '@app/application';
import {
  DomainError,
  DomainEvent,
  IncidentCommand,
  IncidentEvent,
  IncidentState,
  TargetCommand,
  TargetEntityKind,
  TargetState,
} from '@app/domain';
import { EVENT_STORE, EventStore, Position, START } from '@app/event-store';
import {
  NAME_INDEX,
  NameIndex,
  PERSONAL_DATA_VAULT,
  PersonalDataVault,
  UPLOAD_STORAGE,
  UploadRef,
  UploadStorage,
} from '@app/protection';
import { incidentReport } from '@app/application/incidents/report-incident.handler';
import { ReportIncidentRequestDto } from '@app/application/incidents/report-incident.request.dto';
import { JobContext, JobFailed, JobOutcome, JobReleased, JobWork } from '@app/jobs/job-context';
import { JobRecord } from '@app/jobs/job-records';
import { canonicalJson } from '@app/application/command-request';
import {
  planRegistration,
  registeredNames,
  registrationDecider,
} from '@app/application/targets/target.commands';
import { nameTerms } from '@app/application/targets/name-search';
import { readTarget } from '@app/application/targets/target.read';
import {
  ImportPlan,
  ImportProblem,
  normaliseName,
  PlannedIncident,
  PlannedTarget,
  planImport,
  possibleDuplicatePersons,
  targetIdentity,
} from './plan-import';
import {
  ExistingPersonCandidate,
  MatchedTargetReport,
  PersonMatchRule,
  resolveExistingTargets,
} from './existing-targets';
import { SheetFormat, SheetTable, UnreadableSheet } from './sheet/read-sheet';
import { readSheetInThread } from './sheet/read-sheet-in-thread';
import { ImportKeys, importKey } from './import-keys';

export interface ImportInput {
  dryRun: boolean;
  format: SheetFormat;
  actor: Actor;
  /** How the sheet's names meet the persons already recorded; `none` when not given. */
  matchPersons?: PersonMatchRule;
}

/** The upload of an import job: the job's id names it. */
export function importUpload(record: Pick<JobRecord, 'id' | 'workspaceId'>): UploadRef {
  return { workspaceId: record.workspaceId ?? '', uploadId: record.id };
}

/** Incidents per batch at most: one append of a few hundred KB. */
const MAX_BATCH = 250;

/** One batch deciding and sealing while the other's appends are in the database. */
const BATCHES_IN_FLIGHT = 2;

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  incidents: number;
  acts: number;
  recorded: { incidents: number; acts: number; persons: number; organisations: number };
  alreadyImported: { incidents: number; acts: number };
  rowsNotImported: number;
  /**
   * Names that may be one person: differently written names of the sheet (`personIds`, once
   * recorded), or a name and persons already recorded (`candidates`, with why they match).
   */
  possibleDuplicatePersons: {
    rows: number[];
    personIds?: string[];
    candidates?: ExistingPersonCandidate[];
    message: string;
  }[];
  /** Rows whose acts went (or, in a dry run, go) to a recorded person or organisation. */
  matchedTargets: MatchedTargetReport[];
}

/**
 * An uploaded monitoring sheet, checked (dry run) or recorded. Recording decides what the API's
 * commands decide (RegisterPerson / RegisterOrganisation, ReportIncident), each with an
 * Idempotency-Key derived from the row's content, so a re-upload (or a job re-run after a
 * crash or a shutdown) records nothing twice and the ids are the API's. It records in batches:
 * a batch's new persons and organisations in one append, then its incidents in another
 * (CommandExecutor.executeBatch, which hands replays and refusals to the one-by-one path).
 */
@Injectable()
export class ImportJob implements JobWork {
  readonly type = 'import' as const;

  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(NAME_INDEX) private readonly nameIndex: NameIndex,
    @Inject(UPLOAD_STORAGE) private readonly uploads: UploadStorage,
  ) {}

  /** The sheet is kept only while the job runs (or as long as an admin asked). */
  ended(record: JobRecord): Promise<void> {
    return this.uploads.release(importUpload(record));
  }

  async run(context: JobContext): Promise<JobOutcome> {
    const { id } = context.record;
    const input = context.record.input as unknown as ImportInput;
    const today = new Date().toISOString().slice(0, 10);
    const upload = importUpload(context.record);
    const file = await this.uploads.get(upload);
    if (file === undefined) throw new JobFailed([NOT_KEPT]);
    let table: SheetTable;
    try {
      table = await readSheetInThread(file, input.format);
    } catch (error) {
      if (!(error instanceof UnreadableSheet)) throw error;
      // Nothing of it was read: the import failed, naming the limit or what was seen.
      const problem: ImportProblem = {
        row: null,
        column: null,
        value: null,
        message: error.reason,
      };
      throw new JobFailed([problem]);
    }
    const planned = planImport(table, today);
    const keys = await ImportKeys.for(this.nameIndex, input.actor, personNames(planned));
    // Names met with the recorded persons, in a dry run too: the monitor sees the matches first.
    const existing = await resolveExistingTargets(
      { executor: this.executor, vault: this.vault, nameIndex: this.nameIndex },
      planned,
      input.actor,
      input.matchPersons ?? 'none',
      registeredPersonIds(planned, input.actor, keys),
    );
    const plan: ImportPlan = {
      rows: planned.rows,
      incidents: existing.incidents,
      problems: [...planned.problems, ...existing.problems].sort(
        (a, b) => (a.row ?? 0) - (b.row ?? 0),
      ),
      rowsNotImportable: planned.rowsNotImportable + existing.rowsNotImportable,
    };
    // Who the sheet names, dry run or not: erasing one of them deletes the sheet if it is kept.
    await this.uploads.naming(upload, namedPersonIds(plan, input.actor, keys));
    await context.progress(input.dryRun ? 50 : 2);
    const duplicates = possibleDuplicatePersons(plan.incidents);
    const result: ImportResult = {
      ...emptyResult(input.dryRun),
      rows: plan.rows,
      incidents: plan.incidents.length,
      acts: plan.incidents.reduce((n, i) => n + i.targets.length, 0),
      rowsNotImported: plan.rowsNotImportable,
      possibleDuplicatePersons: [
        ...duplicates.map(({ rows, message }) => ({ rows, message })),
        ...existing.possible,
      ],
      matchedTargets: existing.matched,
    };
    if (input.dryRun) return { result, errors: plan.problems };

    const problems = [...plan.problems];
    const recording = new Recording(
      this.executor,
      this.vault,
      this.nameIndex,
      input.actor,
      id,
      today,
      {
        result,
        problems,
      },
      existing.categories,
      keys,
    );
    await recording.start(this.store);
    await recordAll(plan, context, (batch) => recording.batch(batch));
    // Every spelling's person id, for the monitor to compare them.
    result.possibleDuplicatePersons = [
      ...duplicates.map(({ rows, names, message }) => ({
        rows,
        personIds: names.map((n) => recording.personIdOf(n)).filter((x) => x !== undefined),
        message,
      })),
      ...existing.possible,
    ];
    return { result, errors: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  }
}

/**
 * Runs `batch` over the plan's incidents in order, BATCHES_IN_FLIGHT at a time, a batch at most
 * 2% of them (progress moves in steps of at most 2%). A shutdown is honoured between batches.
 */
async function recordAll(
  plan: ImportPlan,
  context: JobContext,
  batch: (incidents: PlannedIncident[]) => Promise<void>,
): Promise<void> {
  const total = plan.incidents.length;
  const size = Math.max(1, Math.min(MAX_BATCH, Math.floor(total / 50)));
  let next = 0;
  let done = 0;
  let failed = false;
  const lane = async () => {
    while (next < total && !context.stopping() && !failed) {
      const incidents = plan.incidents.slice(next, next + size);
      next += incidents.length;
      try {
        await batch(incidents);
      } catch (error) {
        failed = true; // the other lane stops too, before the job is marked failed
        throw error;
      }
      done += incidents.length;
      await context.progress(2 + (97 * done) / total);
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: BATCHES_IN_FLIGHT }, lane));
  for (const l of lanes) if (l.status === 'rejected') throw l.reason;
  // Stopped for a shutdown: what is recorded stays; the rest resumes where the job runs next.
  if (done < total) throw new JobReleased();
}

type IncidentCreation = Creation<IncidentCommand, IncidentEvent, IncidentState>;
type TargetCreation = Creation<readonly TargetCommand[], DomainEvent, TargetState>;

class Recording {
  private head: Position = START;
  /** Each person's or organisation's id once registered, by kind and name as written. */
  private readonly targets = new Map<string, Promise<string>>();
  private readonly personIds = new Map<string, string>();

  constructor(
    private readonly executor: CommandExecutor,
    private readonly vault: PersonalDataVault,
    private readonly nameIndex: NameIndex,
    private readonly actor: Actor,
    private readonly jobId: string,
    private readonly today: string,
    private readonly out: { result: ImportResult; problems: ImportProblem[] },
    /** The registered categories of the recorded targets the sheet names. */
    private readonly categories: ReadonlyMap<string, string>,
    private readonly keys: ImportKeys,
  ) {}

  /** What the store held before: a command answering an older position was a replay. */
  async start(store: EventStore): Promise<void> {
    this.head = await store.headPosition();
  }

  personIdOf(normalisedName: string): string | undefined {
    return this.personIds.get(normalisedName);
  }

  /** The batch's new persons and organisations in one append, then its incidents in another. */
  async batch(incidents: readonly PlannedIncident[]): Promise<void> {
    this.registerTargets(incidents);
    const reports: { incident: PlannedIncident; creation: IncidentCreation }[] = [];
    for (const incident of incidents) {
      try {
        reports.push({ incident, creation: await this.report(incident) });
      } catch (error) {
        this.refuse(incident, error);
      }
    }
    const outcomes = await this.executor.executeBatch(
      reports.map((r) => r.creation),
      { head: this.head },
    );
    outcomes.forEach((outcome, i) => {
      const { incident } = reports[i];
      if (outcome.status === 'rejected') return this.refuse(incident, outcome.reason);
      const { recorded, alreadyImported } = this.out.result;
      const counts = this.isNew(outcome.value) ? recorded : alreadyImported;
      counts.incidents++;
      counts.acts += incident.targets.length;
    });
  }

  /** The ReportIncident command for a planned incident, its targets registered (or throws why not). */
  private async report(incident: PlannedIncident): Promise<IncidentCreation> {
    const targets = [];
    for (const t of incident.targets) {
      const id = t.id ?? (await this.targets.get(targetIdentity(t))!);
      const category = t.category !== undefined && { category: t.category };
      targets.push(
        t.kind === 'person' ? { personId: id, ...category } : { organisationId: id, ...category },
      );
    }
    const body = { ...incident.draft, targets } as unknown as ReportIncidentRequestDto;
    const context = this.context(importKey(`incident ${incident.key}`), body);
    // Its targets are this job's registrations or records checked before (existing-targets).
    return incidentReport(body, context, this.categories).creation;
  }

  /**
   * One person (or organisation) per name as written, ignoring case and spacing: a sheet
   * names the same activist in several rows. Its id derives from the name, so later sheets
   * find the same person. Each new one's id is promised at once: a batch in flight beside
   * this one waits for it rather than registering it again.
   */
  private registerTargets(incidents: readonly PlannedIncident[]): void {
    const fresh = new Map<string, PlannedTarget>();
    for (const t of incidents.flatMap((i) => i.targets)) {
      if (t.id !== undefined) continue; // recorded already
      const key = targetIdentity(t);
      if (!this.targets.has(key) && !fresh.has(key)) fresh.set(key, t);
    }
    if (fresh.size === 0) return;
    const registered = this.register([...fresh]);
    [...fresh.keys()].forEach((key, i) => {
      const id = registered.then((outcomes) => {
        const outcome = outcomes[i];
        if (outcome.status === 'rejected') throw outcome.reason;
        return outcome.value;
      });
      id.catch(() => undefined); // awaited by the incidents naming it, which report the refusal
      this.targets.set(key, id);
    });
  }

  /** Persons get their keys first, all in one write; then one append for all. */
  private async register(
    fresh: readonly [string, PlannedTarget][],
  ): Promise<PromiseSettledResult<string>[]> {
    // No request hash: the first spelling registered stands; a later one is the same person.
    const planned = fresh.map(([key, t]) => {
      const context = this.context(this.keys.target(key));
      return {
        t,
        context,
        ...planRegistration(t.kind, { details: { name: t.name! } }, context),
      };
    });
    const persons = planned.filter((p) => p.kind === 'person');
    const keys = await this.vault.createKeys(
      persons.map((p) => ({ workspaceId: this.actor.workspaceId, subjectId: p.id })),
    );
    const keyOf = new Map(persons.map((p, i) => [p.id, keys[i]]));
    const outcomes = await this.executor.executeBatch(
      planned.map((p): TargetCreation => ({
        streamId: p.streamId,
        id: p.id,
        decider: registrationDecider(keyOf.get(p.id)),
        command: () => p.commands,
        context: p.context,
        ids: p.ids,
      })),
      { head: this.head },
    );
    await this.refuseErased(planned, outcomes);
    // Found by name like a person registered through the API (one write for the batch).
    await this.nameIndex.indexMany(
      planned
        .filter((_, i) => outcomes[i].status === 'fulfilled')
        .map((p) => ({
          subject: { workspaceId: this.actor.workspaceId, kind: p.kind, subjectId: p.id },
          terms: nameTerms(registeredNames(p.commands)),
        })),
    );
    return outcomes.map((outcome, i) => {
      if (outcome.status === 'rejected') return outcome;
      const { t, kind } = planned[i];
      if (kind === 'person') this.personIds.set(normaliseName(t.name!), outcome.value.id);
      if (this.isNew(outcome.value)) this.out.result.recorded[COUNTED[kind]]++;
      return { status: 'fulfilled', value: outcome.value.id };
    });
  }

  /**
   * A name registered before names the same person again (her id derives from it): if she was
   * erased, her rows are refused as the API refuses to target her (409 naming the erasure), and
   * her name goes back into no index. Only replays can be erased: new registrations are not.
   */
  private async refuseErased(
    planned: readonly { kind: TargetEntityKind; id: string }[],
    outcomes: PromiseSettledResult<CommandResult>[],
  ): Promise<void> {
    const store = { executor: this.executor, vault: this.vault, nameIndex: this.nameIndex };
    for (const [i, outcome] of outcomes.entries()) {
      const { kind, id } = planned[i];
      if (kind !== 'person' || outcome.status !== 'fulfilled' || this.isNew(outcome.value))
        continue;
      const { erasure, erased } = await readTarget(store, 'person', id, this.actor, {
        open: false,
      });
      if (!erased) continue;
      const when =
        erasure === undefined ? '' : ` on ${erasure.at} (erasure event ${erasure.eventId})`;
      outcomes[i] = {
        status: 'rejected',
        reason: new DomainError(
          'conflict',
          'person_erased',
          `names a person erased${when}; an erased person cannot be targeted again`,
        ),
      };
    }
  }

  private refuse(incident: PlannedIncident, error: unknown): void {
    this.out.problems.push(...refusal(error, incident));
    this.out.result.rowsNotImported += incident.rows.length;
  }

  private context(idempotencyKey: string, body?: unknown): CommandContext {
    return {
      actor: this.actor,
      correlationId: this.jobId,
      idempotencyKey,
      ...(body !== undefined && { requestHash: sha256(canonicalJson(body)) }),
      today: this.today,
    };
  }

  private isNew(answer: CommandResult): boolean {
    return answer.position > this.head;
  }
}

const NOT_KEPT: ImportProblem = {
  row: null,
  column: null,
  value: null,
  message:
    'the uploaded sheet is no longer kept (it is deleted when its job ends): upload it again',
};

/** The persons a sheet names: those named by id, and those its names register. */
function namedPersonIds(plan: ImportPlan, actor: Actor, keys: ImportKeys): string[] {
  const byId = plan.incidents.flatMap((i) =>
    i.targets.flatMap((t) => (t.kind === 'person' && t.id !== undefined ? [t.id] : [])),
  );
  return [...new Set([...byId, ...registeredPersonIds(plan, actor, keys)])];
}

/** The names of the sheet's persons, normalised: each is one person of the import. */
function personNames(plan: ImportPlan): string[] {
  return plan.incidents.flatMap((i) =>
    i.targets.flatMap((t) =>
      t.kind === 'person' && t.name !== undefined ? [normaliseName(t.name)] : [],
    ),
  );
}

/** The ids the sheet's names are (or will be) registered under, whichever run registers them. */
function registeredPersonIds(plan: ImportPlan, actor: Actor, keys: ImportKeys): Set<string> {
  return new Set(personNames(plan).map((name) => keys.personId(actor, `person ${name}`)));
}

const COUNTED = { person: 'persons', organisation: 'organisations' } as const satisfies Record<
  TargetEntityKind,
  string
>;

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
    matchedTargets: [],
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
