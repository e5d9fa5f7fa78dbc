import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { TARGET_CATEGORIES, TargetProjections, TARGETS } from '@app/read-models';
import { ProjectionFreshness } from '@app/read-models/projection-freshness';
import { ProjectionRebuilds } from '../rebuild-projection/projection-rebuilds';
import { ListProjectionsQuery } from './list-projections.query';
import { ProjectionStatusDto } from './projection-status.response.dto';

@QueryHandler(ListProjectionsQuery)
export class ListProjectionsHandler implements IQueryHandler<ListProjectionsQuery> {
  constructor(
    private readonly freshness: ProjectionFreshness,
    private readonly rebuilds: ProjectionRebuilds,
    private readonly targets: TargetProjections,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(): Promise<ProjectionStatusDto[]> {
    const rebuild = this.rebuilds.status;
    // An append held open holds the head, hence every projection, back: say for how long.
    const inFlight = await this.store.appendsInFlight?.();
    const oldestAppendInFlightSeconds = inFlight?.oldestSeconds ?? null;
    return [
      {
        ...(await this.freshness.status()),
        oldestAppendInFlightSeconds,
        ...(rebuild && { rebuild }),
      },
      {
        ...(await this.freshness.statusOf(
          TARGETS,
          TARGET_CATEGORIES,
          await this.targets.position(),
        )),
        oldestAppendInFlightSeconds,
      },
    ];
  }
}
