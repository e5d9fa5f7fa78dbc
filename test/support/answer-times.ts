/** The longest an answer may take in the fuzz suites (issue 19's acceptance). */
export const SLOW_MS = 1_000;

/** How often a slow answer is asked for in all, before it counts as slow. */
const TRIES = 3;

/**
 * Times requests against SLOW_MS without failing on a busy machine: an answer slower than that
 * is asked again, up to TRIES times in all, and counts as slow only if every answer is slow. A
 * pause of the test process (a collection, two cores shared with other spec files and a
 * browser) can strike twice in a row, as it did in CI; a route that really holds (as the 5 s
 * wait on a position past the head did) is slow every time.
 */
export class AnswerTimes {
  readonly slow: string[] = [];
  slowest = { ms: 0, what: '' };

  async time<T>(what: string, send: () => Promise<T>): Promise<T> {
    const first = await this.timed(send);
    this.note(what, first.ms);
    const times = [first.ms];
    while (times.at(-1)! > SLOW_MS) {
      if (times.length === TRIES) {
        this.slow.push(`${what}: ${times.map((ms) => `${ms} ms`).join(', then ')}`);
        break;
      }
      times.push((await this.timed(send)).ms);
    }
    return first.answer;
  }

  private note(what: string, ms: number): void {
    if (ms > this.slowest.ms) this.slowest = { ms, what };
  }

  private async timed<T>(send: () => Promise<T>): Promise<{ answer: T; ms: number }> {
    const started = performance.now();
    const answer = await send();
    return { answer, ms: Math.round(performance.now() - started) };
  }
}
