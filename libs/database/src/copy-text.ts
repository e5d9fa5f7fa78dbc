/**
 * Rows in PostgreSQL's COPY text format, for bulk loads (a rebuild writes hundreds of
 * thousands of rows; COPY is several times faster than INSERT … SELECT from jsonb).
 * Values: null → \N, booleans t/f, arrays as array literals, objects as JSON, the rest as text.
 */
export function copyText(rows: readonly (readonly unknown[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out += '\t';
      out += copyField(row[i]);
    }
    out += '\n';
  }
  return out;
}

function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return escape(arrayLiteral(value));
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
}

/** `{"a","b \"c\""}`: every element quoted, so commas, braces and spaces need no thought. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values
    .map((v) =>
      v === null || v === undefined
        ? 'NULL'
        : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
    )
    .join(',')}}`;
}

const SPECIAL = /[\\\n\r\t]/;

function escape(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}
