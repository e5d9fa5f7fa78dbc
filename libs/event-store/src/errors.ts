import { ExpectedVersion } from './event-store.port';

/** The stream was not at the version the writer expected (HTTP 409). */
export class WrongExpectedVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the append was refused; 0 = no stream. */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** An event id is already stored in another stream, or only part of an append was stored. */
export class DuplicateEventId extends Error {
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(
      `event ${eventId} is already stored elsewhere than as part of this append to ${streamId}`,
    );
    this.name = 'DuplicateEventId';
  }
}
