import { finished } from 'node:stream/promises';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** An entry's bytes deflated already, with what the headers say of the inflated ones. */
export interface PackedContent {
  packed: Buffer;
  crc: number;
  size: number;
}

export type ZipEntry = {
  name: string;
  /** Declare this inflated size instead of the true one: an archive that lies, as bombs do. */
  declaredSize?: number;
} & ({ content: Buffer } | PackedContent);

/**
 * A ZIP archive (deflate, no ZIP64) written by hand, so tests can build the hostile files an
 * office suite never would: millions of identical rows, sizes that lie.
 */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  // The same content in several entries (a bomb's identical sheets) is deflated once.
  const deflated = new Map<Buffer, PackedContent>();
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    let content: PackedContent;
    if ('packed' in entry) content = entry;
    else {
      content = deflated.get(entry.content) ?? {
        packed: deflateRawSync(entry.content, { level: 9 }),
        crc: crc32(entry.content),
        size: entry.content.length,
      };
      deflated.set(entry.content, content);
    }
    const packed = content.packed;
    const fields = {
      crc: content.crc,
      packed: packed.length,
      size: entry.declaredSize ?? content.size,
    };
    const local = header(30, 0x04034b50, name, fields, 10);
    centrals.push(Buffer.concat([header(46, 0x02014b50, name, fields, 12, offset), name]));
    locals.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A local (30 bytes) or central (46 bytes) header: they differ by a version field in front. */
function header(
  length: number,
  signature: number,
  name: Buffer,
  fields: { crc: number; packed: number; size: number },
  at: number,
  offset?: number,
): Buffer {
  const bytes = Buffer.alloc(length);
  bytes.writeUInt32LE(signature, 0);
  bytes.writeUInt16LE(20, 4);
  if (length === 46) bytes.writeUInt16LE(20, 6);
  bytes.writeUInt16LE(8, at - 2); // deflate
  bytes.writeUInt32LE(fields.crc >>> 0, at + 4);
  bytes.writeUInt32LE(fields.packed, at + 8);
  bytes.writeUInt32LE(fields.size, at + 12);
  bytes.writeUInt16LE(name.length, at + 16);
  if (offset !== undefined) bytes.writeUInt32LE(offset, 42);
  return bytes;
}

/** A worksheet: its XML, or that XML deflated already (`packedPart`). */
export type SheetPart = ({ xml: Buffer } | PackedContent) & { declaredSize?: number };

const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The parts of an XLSX workbook a reader needs, around the given worksheets' XML, with a
 * shared-strings table when given one (placed before the sheets, as a streaming reader wants).
 */
export function xlsxWorkbook(
  sheets: readonly SheetPart[],
  { sharedStrings }: { sharedStrings?: readonly string[] } = {},
): Buffer {
  const names = sheets.map((_, i) => `sheet${i + 1}`);
  const text = (name: string, xml: string): ZipEntry => ({ name, content: Buffer.from(xml) });
  const strings =
    sharedStrings === undefined
      ? []
      : [
          text(
            'xl/sharedStrings.xml',
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
              ` count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">` +
              sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('') +
              '</sst>',
          ),
        ];
  return zipArchive([
    text(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${SHEET_TYPE}.sheet.main+xml"/>` +
        (strings.length === 0
          ? ''
          : `<Override PartName="/xl/sharedStrings.xml" ContentType="${SHEET_TYPE}.sharedStrings+xml"/>`) +
        names
          .map(
            (n) =>
              `<Override PartName="/xl/worksheets/${n}.xml" ContentType="${SHEET_TYPE}.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ),
    text(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${RELATIONSHIP}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    text(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${RELATIONSHIP}"><sheets>` +
        names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        names
          .map(
            (n, i) =>
              `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIP}/worksheet" Target="worksheets/${n}.xml"/>`,
          )
          .join('') +
        (strings.length === 0
          ? ''
          : `<Relationship Id="rIdStrings" Type="${RELATIONSHIP}/sharedStrings" Target="sharedStrings.xml"/>`) +
        '</Relationships>',
    ),
    ...strings,
    ...sheets.map((sheet, i): ZipEntry => {
      const { declaredSize, ...part } = sheet;
      const content = 'xml' in part ? { content: part.xml } : part;
      return {
        name: `xl/worksheets/${names[i]}.xml`,
        ...content,
        ...(declaredSize === undefined ? {} : { declaredSize }),
      };
    }),
  ]);
}

/**
 * A part deflated as its pieces are generated, so that a worksheet of a hundred megabytes is
 * never held whole (by the test building a hostile file, as by the reader).
 */
export async function packedPart(pieces: Iterable<string>): Promise<PackedContent> {
  const deflate = createDeflateRaw({ level: 6 });
  const packed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => packed.push(chunk));
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const bytes = Buffer.from(piece);
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await finished(deflate);
  return { packed: Buffer.concat(packed), crc, size };
}

const WORKSHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const WORKSHEET_CLOSE = '</sheetData></worksheet>';

/** A worksheet's XML around `rows` (each `<row>…</row>`), repeated `times` times. */
export function worksheetXml(rows: string, times = 1): Buffer {
  return Buffer.from(WORKSHEET_OPEN + rows.repeat(times) + WORKSHEET_CLOSE);
}

/** The same worksheet as pieces for `packedPart`: its rows come in batches, never all at once. */
export function* worksheetPieces(rowBatches: Iterable<string>): Generator<string> {
  yield WORKSHEET_OPEN;
  yield* rowBatches;
  yield WORKSHEET_CLOSE;
}
