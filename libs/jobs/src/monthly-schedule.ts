/** The only scheduled job: a draft snapshot of every workspace on the first of each month. */

/** The job id of a month's drafts: one job per month, whoever schedules it and how often. */
export const monthlySnapshotJobId = (month: string) => `snapshot-draft-${month}`;

/** The month before the one `now` falls in, `YYYY-MM` (UTC). */
export function previousMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}
