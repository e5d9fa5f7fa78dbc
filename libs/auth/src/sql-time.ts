/** A timestamptz column as an ISO 8601 UTC string with milliseconds (NULL stays NULL). */
export const isoTime = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
