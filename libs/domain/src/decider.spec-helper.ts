import { Decider, fold } from './decider';
import { DomainError } from './errors';

/**
 * Given/when/then for deciders: `given(events).when(command).then(events)` or
 * `.thenFails(kind, code)`. Tests read as specifications; no framework, no I/O.
 */
export function specFor<C, E, S>(decider: Decider<C, E, S>) {
  return (given: E[] = []) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, fold(decider, given));
      return {
        then: (expected: E[]) => expect(run()).toEqual(expected),
        thenFails: (kind: DomainError['kind'], code: string, fields?: string[]) => {
          let error: unknown;
          try {
            run();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect(error).toMatchObject({ kind, code });
          if (fields) expect((error as DomainError).errors.map((f) => f.field)).toEqual(fields);
          return error as DomainError;
        },
      };
    },
  });
}
