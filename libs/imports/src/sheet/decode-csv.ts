import { UnreadableSheet } from './unreadable-sheet';

/** A CSV file as text, with the encoding and the separator it was found to use. */
export interface DecodedCsv {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';
  delimiter: ',' | ';' | '\t';
}

const WHAT_TO_DO =
  'Save the sheet again as "CSV UTF-8" (Excel: File → Save as → CSV UTF-8) or as XLSX, and upload that file.';

/**
 * Reads the bytes of a CSV as spreadsheets write them: UTF-8 with or without a BOM, UTF-16
 * (Excel's "Unicode text", with a BOM or recognised by its zero bytes), or Windows-1251 (what
 * Excel in a Russian locale writes as "CSV"); separated by `,`, `;` or tab, whichever the
 * header line uses most. Anything else is refused with one message naming what was seen.
 */
export function decodeCsv(content: Buffer): DecodedCsv {
  const { text, encoding } = decodeText(content);
  // The header is the first line that is not a comment (`#`, as our own exports begin).
  const body = text.replace(/^(?:#[^\n]*\n)+/, '');
  const header = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = ([',', ';', '\t'] as const)
    .map((d) => ({ d, n: outsideQuotes(header, d) }))
    .reduce((best, next) => (next.n > best.n ? next : best)).d;
  return { text, encoding, delimiter };
}

function decodeText(content: Buffer): Pick<DecodedCsv, 'text' | 'encoding'> {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    return { text: strictUtf8(content.subarray(3)), encoding: 'utf-8' };
  }
  const bom: 'utf-16le' | 'utf-16be' | undefined =
    content[0] === 0xff && content[1] === 0xfe
      ? 'utf-16le'
      : content[0] === 0xfe && content[1] === 0xff
        ? 'utf-16be'
        : undefined;
  const utf16 = bom ?? utf16WithoutBom(content);
  if (utf16 !== undefined) {
    const text = new TextDecoder(utf16).decode(content.subarray(bom === undefined ? 0 : 2));
    return { text, encoding: utf16 };
  }
  if (content.includes(0)) {
    throw new UnreadableSheet(
      `the file is not text (it holds zero bytes, as a binary file or a workbook does). ${WHAT_TO_DO}`,
    );
  }
  try {
    return { text: strictUtf8(content), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: an 8-bit encoding. Windows-1251 if what it decodes to is Cyrillic text.
  }
  const text = new TextDecoder('windows-1251').decode(content);
  const high = [...text].filter((c) => c.charCodeAt(0) > 0x7f);
  const cyrillic = high.filter((c) => PLAUSIBLE_1251.test(c)).length;
  if (cyrillic >= high.length * 0.9) return { text, encoding: 'windows-1251' };
  throw new UnreadableSheet(
    'the file is neither UTF-8, UTF-16 nor Windows-1251 text: read as Windows-1251, ' +
      `${high.length - cyrillic} of its ${high.length} non-ASCII characters are not letters of ` +
      `Russian text, so it is in another 8-bit encoding (DOS CP866 or KOI8-R perhaps). ${WHAT_TO_DO}`,
  );
}

/** What Windows-1251 text in this region holds beyond ASCII: Cyrillic letters and typography. */
const PLAUSIBLE_1251 = /[А-яЁёІіЇїЄєҐґЎў«»№–—‘’“”„…•·]/;

function strictUtf8(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Text in UTF-16 without a BOM has a zero byte in most ASCII characters, always on one side. */
function utf16WithoutBom(content: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const sample = content.subarray(0, Math.min(content.length, 4096) & ~1);
  // The high byte of Latin and Cyrillic characters is 0x00 or 0x04, the low byte rarely 0.
  const high = (b: number) => b === 0x00 || b === 0x04;
  let evenHigh = 0;
  let oddHigh = 0;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (high(sample[i])) evenHigh++;
    if (high(sample[i + 1])) oddHigh++;
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = sample.length / 2;
  if (pairs === 0) return undefined;
  if (oddZero > 0 && oddHigh > pairs * 0.9 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > 0 && evenHigh > pairs * 0.9 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function outsideQuotes(line: string, char: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) n++;
  }
  return n;
}
