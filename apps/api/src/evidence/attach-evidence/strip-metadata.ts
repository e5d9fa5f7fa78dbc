/**
 * Embedded metadata out of images before they are kept: a photo's EXIF holds where it was
 * taken (GPS), when, and on which phone, which can lead to the monitor or the person in it.
 * The picture itself is not re-encoded: its pixels stay byte for byte.
 */
export interface Stripped {
  bytes: Buffer;
  /** The format is one we strip; false when the bytes were kept as they came. */
  stripped: boolean;
}

export function stripMetadata(bytes: Buffer, mediaType: string): Stripped {
  if (mediaType === 'image/jpeg') return { bytes: stripJpeg(bytes), stripped: true };
  if (mediaType === 'image/png') return { bytes: stripPng(bytes), stripped: true };
  return { bytes, stripped: false };
}

const APP1 = 0xe1; // EXIF (with GPS) and XMP
const APP13 = 0xed; // Photoshop IPTC
const COM = 0xfe; // free-text comment
const DROPPED_JPEG_MARKERS = new Set([APP1, APP13, COM]);
const SOS = 0xda;
const EOI = 0xd9;

/** JPEG: drops the APP1, APP13 and comment segments before the image data. */
export function stripJpeg(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 2)]; // SOI
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) break; // not a marker: leave the rest as it is
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === SOS || marker === EOI) break;
    const length = bytes.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (!DROPPED_JPEG_MARKERS.has(marker)) kept.push(bytes.subarray(at, end));
    at = end;
  }
  kept.push(bytes.subarray(at));
  return Buffer.concat(kept);
}

/** PNG chunks that carry metadata rather than the picture. */
const DROPPED_PNG_CHUNKS = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

/** PNG: drops the EXIF, text and time chunks; every other chunk is kept as it was. */
export function stripPng(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 8)]; // signature
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (!DROPPED_PNG_CHUNKS.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
  }
  kept.push(bytes.subarray(at));
  return Buffer.concat(kept);
}
