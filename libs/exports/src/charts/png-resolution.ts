import { crc32 } from 'node:zlib';

const SIGNATURE_AND_IHDR = 8 + 4 + 4 + 13 + 4;
const INCHES_PER_METRE = 39.3700787;

/**
 * The PNG with a pHYs chunk saying `dpi` (resvg writes none): print software then places
 * a 2,000 px picture at its intended size instead of assuming 72 or 96 dpi.
 */
export function withResolution(png: Buffer, dpi: number): Buffer {
  if (png.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG');
  const perMetre = Math.round(dpi * INCHES_PER_METRE);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data.writeUInt8(1, 8); // unit: metre
  const type = Buffer.from('pHYs', 'latin1');
  const chunk = Buffer.alloc(4 + 4 + 9 + 4);
  chunk.writeUInt32BE(9, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 17);
  return Buffer.concat([
    png.subarray(0, SIGNATURE_AND_IHDR),
    chunk,
    png.subarray(SIGNATURE_AND_IHDR),
  ]);
}

/** Width, height and dots per inch of a PNG (for tests and checks). */
export function pngInfo(png: Buffer): { width: number; height: number; dpi?: number } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    if (type === 'pHYs' && png.readUInt8(at + 16) === 1) {
      return { width, height, dpi: Math.round(png.readUInt32BE(at + 8) / INCHES_PER_METRE) };
    }
    if (type === 'IDAT') break;
    at += 12 + length;
  }
  return { width, height };
}
