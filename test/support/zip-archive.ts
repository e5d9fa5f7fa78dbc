import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  content: Buffer;
  /** Declare this inflated size instead of the true one: an archive that lies, as bombs do. */
  declaredSize?: number;
}

/**
 * A ZIP archive (deflate, no ZIP64) written by hand, so tests can build the hostile files an
 * office suite never would: millions of identical rows, sizes that lie.
 */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.content, { level: 9 });
    const fields = {
      crc: crc32(entry.content),
      packed: packed.length,
      size: entry.declaredSize ?? entry.content.length,
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

/** The parts of an XLSX workbook a reader needs, around the given worksheets' XML. */
export function xlsxWorkbook(sheets: readonly { xml: Buffer; declaredSize?: number }[]): Buffer {
  const names = sheets.map((_, i) => `sheet${i + 1}`);
  const text = (name: string, xml: string): ZipEntry => ({ name, content: Buffer.from(xml) });
  return zipArchive([
    text(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        names
          .map(
            (n) =>
              `<Override PartName="/xl/worksheets/${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ),
    text(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    text(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        names
          .map(
            (n, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/${n}.xml"/>`,
          )
          .join('') +
        '</Relationships>',
    ),
    ...sheets.map((sheet, i) => ({
      name: `xl/worksheets/${names[i]}.xml`,
      content: sheet.xml,
      ...(sheet.declaredSize === undefined ? {} : { declaredSize: sheet.declaredSize }),
    })),
  ]);
}

/** A worksheet's XML around `rows` (each `<row>…</row>`), repeated `times` times. */
export function worksheetXml(rows: string, times = 1): Buffer {
  return Buffer.concat([
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
    Buffer.from(rows.repeat(times)),
    Buffer.from('</sheetData></worksheet>'),
  ]);
}
