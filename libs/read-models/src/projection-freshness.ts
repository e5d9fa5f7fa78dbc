import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, EventStore, Position } from '@app/event-store';
import {
  INCIDENT_FACTS,
  INCIDENT_FACTS_CATEGORIES,
  IncidentProjections,
} from './incidents/incident-projections.service';
import { DomainError } from '@app/domain';

const POLL_MS = 25;
/** How long a query with `after=` waits for the projection before answering 503. */
export const FRESHNESS_WAIT_MS = 5_000;
// Counting what is left to project reads the events themselves: stop counting here.
const LAG_COUNT_LIMIT = 1_000;

/** Where the incident-facts projection stands against the event store. */
export interface ProjectionStatus {
  name: string;
  position: Position;
  head: Position;
  /** No incident event up to the head is left to project. */
  caughtUp: boolean;
  state: 'caught_up' | 'catching_up';
  /** Incident events still to project; absent when more than LAG_COUNT_LIMIT. */
  lagEvents?: number;
  /** Seconds since the oldest event still to project was recorded; 0 when caught up. */
  lagSeconds: number;
}

/** `after=` asked for a position the projection did not pass in time: 503 naming it. */
export class ProjectionLagging extends ServiceUnavailableException {
  constructor(requested: Position, reached: Position) {
    super(
      `The projection ${INCIDENT_FACTS} has not passed position ${requested} after ` +
        `${FRESHNESS_WAIT_MS / 1000} s: it is at ${reached || 'the start'}. Retry shortly.`,
    );
  }
}

/**
 * A 400 naming `field` for a position no write has reached: without it `after=` or `asOf=`
 * with a made-up position held the request 5 s and then answered 503, even anonymously.
 * The detail does not say where the head is: an anonymous caller must not learn it.
 */
export async function refusePastHead(
  store: EventStore,
  position: Position,
  field: string,
): Promise<void> {
  if ((await store.lastCommittedPosition()) < position) {
    throw DomainError.invalid([
      { field, message: `${field} is past the end of the log: no write has that position` },
    ]);
  }
}

/**
 * Read-your-writes for every query of the incident read models: `after=<position>` (the
 * `position` a command answered) waits until the projection has passed it.
 *
 * The projection only reads incident and person events, so its checkpoint never reaches the
 * position of a later organisation event; it has passed such a position when no event of its
 * categories up to it is left to project.
 */
@Injectable()
export class ProjectionFreshness {
  constructor(
    private readonly projections: IncidentProjections,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * Resolves with the projection's position once it has passed `after`; 400 naming `field`
   * when no write reached `after`; 503 after 5 s.
   */
  async waitFor(after: Position, field = 'after'): Promise<Position> {
    await refusePastHead(this.store, after, field);
    const deadline = Date.now() + FRESHNESS_WAIT_MS;
    for (;;) {
      const reached = await this.projections.position();
      if (await this.hasPassed(after, reached)) return reached;
      if (Date.now() >= deadline) throw new ProjectionLagging(after, reached);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Resolves once the projection has passed everything committed when it was called. */
  async waitForHead(): Promise<Position> {
    return this.waitFor(await this.store.headPosition());
  }

  async status(): Promise<ProjectionStatus> {
    return this.statusOf(
      INCIDENT_FACTS,
      INCIDENT_FACTS_CATEGORIES,
      await this.projections.position(),
    );
  }

  /** Where a projection reading `categories` stands, given its committed position. */
  async statusOf(
    name: string,
    categories: readonly string[],
    position: Position,
  ): Promise<ProjectionStatus> {
    const head = await this.store.headPosition();
    let lagEvents = 0;
    let oldestRecordedAt: string | undefined;
    for await (const event of this.store.readAll({
      from: position,
      categories,
      maxCount: LAG_COUNT_LIMIT + 1,
    })) {
      oldestRecordedAt ??= event.recordedAt;
      lagEvents += 1;
    }
    const lagMs = oldestRecordedAt === undefined ? 0 : Date.now() - Date.parse(oldestRecordedAt);
    return {
      name,
      position,
      head,
      caughtUp: lagEvents === 0,
      state: lagEvents === 0 ? 'caught_up' : 'catching_up',
      ...(lagEvents <= LAG_COUNT_LIMIT && { lagEvents }),
      lagSeconds: Math.max(0, Math.round(lagMs) / 1000),
    };
  }

  private async hasPassed(after: Position, reached: Position): Promise<boolean> {
    if (reached >= after) return true;
    // Positions up to `after` must all be readable, or a slower writer could still add one.
    if ((await this.store.headPosition()) < after) return false;
    for await (const next of this.store.readAll({
      from: reached,
      categories: INCIDENT_FACTS_CATEGORIES,
      maxCount: 1,
    })) {
      return next.position > after;
    }
    return true;
  }
}
