import { fileTypeFromBuffer } from 'file-type/core';
import { zipProblem } from '@app/application/files/zip-bomb';

/**
 * What an uploaded evidence file is, judged by its bytes and never by its name or the
 * client's Content-Type: a renamed executable is still an executable.
 */

/** The kinds of evidence monitors keep: documents, images, audio and video. */
export const ACCEPTED_MEDIA_TYPES: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'image/tiff',
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  'audio/wav',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
];

/** Office documents are ZIP archives: their content is checked before they are kept. */
const ZIP_BASED = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
]);

/** An archive that inflates past this, or by more than MAX_RATIO, is refused as a zip bomb. */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const MAX_RATIO = 100;

export type Inspection =
  { ok: true; mediaType: string } | { ok: false; status: 415; detail: string };

export async function inspectFile(bytes: Buffer): Promise<Inspection> {
  const sniffed = await fileTypeFromBuffer(bytes);
  const mediaType = sniffed?.mime ?? (isPlainText(bytes) ? 'text/plain' : undefined);
  if (mediaType === undefined || !ACCEPTED_MEDIA_TYPES.includes(mediaType)) {
    return {
      ok: false,
      status: 415,
      detail:
        `The file's content is ${mediaType ?? 'of no kind we recognise'}, which is not accepted ` +
        `as evidence (whatever its name says). Accepted: ${ACCEPTED_MEDIA_TYPES.join(', ')}.`,
    };
  }
  if (ZIP_BASED.has(mediaType)) {
    const problem = zipProblem(bytes, {
      maxInflatedBytes: MAX_INFLATED_BYTES,
      maxRatio: MAX_RATIO,
      files: 'evidence files',
    });
    if (problem) return { ok: false, status: 415, detail: problem };
  }
  return { ok: true, mediaType };
}

/** UTF-8 text without control characters other than tab, newline and carriage return. */
function isPlainText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(sample.toString('latin1'))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
