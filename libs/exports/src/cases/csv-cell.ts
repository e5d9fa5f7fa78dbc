/** One CSV cell, quoted when it must be. */
export function csvCell(text: string): string {
  // A cell starting like a formula would run as one in a spreadsheet (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
