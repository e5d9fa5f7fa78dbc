import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { ValidationException } from '@app/application/validation.exception';
import { MAX_JSON_DEPTH } from './json-depth';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses, with a 400 naming the field, a body, query or path value that cannot be stored:
 * - a NUL character: PostgreSQL cannot store U+0000 in text (found by the stats fuzzing:
 *   `tag=%00`, `q=%00` reached the database and came back as a 500);
 * - a lone UTF-16 surrogate (`"\ud800"` in JSON): it has no UTF-8 encoding, so PostgreSQL
 *   refuses it and sealing would write U+FFFD instead of what was sent (a 500 in a title,
 *   an organisation name, a snapshot name, a person label).
 */
export class UnstorableCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found = unstorable(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (found !== undefined) {
      const field = found.field || 'the request';
      throw new ValidationException([{ field: found.field, message: `${field} ${found.rule}` }]);
    }
    return value;
  }
}

interface Unstorable {
  field: string;
  rule: string;
}

function unstorable(value: unknown, path: string, depth = 0): Unstorable | undefined {
  if (typeof value === 'string') return unstorableText(value, path);
  // Deeper bodies are refused before parsing (json-depth.ts); query strings nest less.
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    const found = unstorableText(key, childPath) ?? unstorable(child, childPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function unstorableText(text: string, field: string): Unstorable | undefined {
  if (text.includes('\u0000')) return { field, rule: 'must not contain a NUL character (U+0000)' };
  if (LONE_SURROGATE.test(text)) {
    return { field, rule: 'must be valid Unicode: it holds a lone surrogate (e.g. \\ud800)' };
  }
  return undefined;
}
