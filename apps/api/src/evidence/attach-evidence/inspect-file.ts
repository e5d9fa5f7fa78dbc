import { fileTypeFromBuffer } from 'file-type/core';

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
    const problem = zipProblem(bytes);
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

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

/**
 * Why a ZIP archive is refused, read from its central directory (nothing is inflated): the
 * sizes it declares past the limits, ZIP64 (sizes we cannot bound), or a broken directory.
 */
export function zipProblem(bytes: Buffer): string | undefined {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return 'The archive has no readable directory.';
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  let inflated = 0;
  let compressed = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_ENTRY) {
      return 'The archive has no readable directory.';
    }
    const packed = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    if (packed === 0xffffffff || size === 0xffffffff) {
      return 'The archive uses ZIP64 sizes, which evidence files may not.';
    }
    compressed += packed;
    inflated += size;
    // The fixed header, then the name, the extra field and the comment.
    offset +=
      46 +
      bytes.readUInt16LE(offset + 28) +
      bytes.readUInt16LE(offset + 30) +
      bytes.readUInt16LE(offset + 32);
  }
  if (inflated > MAX_INFLATED_BYTES || inflated > MAX_RATIO * Math.max(compressed, 1)) {
    return (
      `The archive would inflate to ${inflated} bytes from ${compressed}: refused as a ` +
      `possible zip bomb (at most ${MAX_INFLATED_BYTES} bytes and ${MAX_RATIO} times).`
    );
  }
  return undefined;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}
