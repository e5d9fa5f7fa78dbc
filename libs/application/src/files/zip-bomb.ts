/**
 * ZIP archives (Office documents, XLSX sheets) judged before anything is inflated: an upload
 * of a few megabytes can declare gigabytes. Evidence files and imported sheets share this.
 */
/** zipProblem's answer when the bytes are no ZIP archive at all. */
export const UNREADABLE_ZIP = 'The archive has no readable directory.';

export interface ZipLimits {
  /** The most the archive's entries may inflate to, together. */
  maxInflatedBytes: number;
  /** The most they may inflate to, relative to their compressed size. */
  maxRatio: number;
  /** What the files are called in the refusal ("evidence files", "import sheets"). */
  files: string;
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

/**
 * Why a ZIP archive is refused, read from its central directory (nothing is inflated): the
 * sizes it declares past the limits, ZIP64 (sizes we cannot bound), or a broken directory.
 */
export function zipProblem(bytes: Buffer, limits: ZipLimits): string | undefined {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return UNREADABLE_ZIP;
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  let inflated = 0;
  let compressed = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_ENTRY) {
      return UNREADABLE_ZIP;
    }
    const packed = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    if (packed === 0xffffffff || size === 0xffffffff) {
      return `The archive uses ZIP64 sizes, which ${limits.files} may not.`;
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
  if (inflated > limits.maxInflatedBytes || inflated > limits.maxRatio * Math.max(compressed, 1)) {
    return (
      `The archive would inflate to ${inflated} bytes from ${compressed}: refused as a ` +
      `possible zip bomb (at most ${limits.maxInflatedBytes} bytes and ${limits.maxRatio} times).`
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
