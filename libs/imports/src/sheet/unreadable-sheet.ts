/** The file is not a readable sheet of its format; `reason` says what was seen and what to do. */
export class UnreadableSheet extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableSheet';
  }
}
