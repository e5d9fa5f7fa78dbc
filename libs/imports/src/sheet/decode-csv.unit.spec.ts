import { labelOf } from '@app/domain';
import { planImport } from '../plan-import';
import { readSheet, UnreadableSheet } from './read-sheet';
import { headersIn, TEMPLATE_COLUMNS } from './sheet-columns';

// Acceptance (issue 15): a `;`-separated CSV saved in Windows-1251 with Russian headers (what
// Russian Excel writes) imports like its UTF-8 twin; UTF-16 and tab-separated files too.

/** Windows-1251 as Excel writes it: ASCII as is, А..я at 0xC0..0xFF, Ё/ё at 0xA8/0xB8. */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (c === 'Ё') return 0xa8;
      if (c === 'ё') return 0xb8;
      if (c === '№') return 0xb9;
      if (c === '«') return 0xab;
      if (c === '»') return 0xbb;
      throw new Error(`not in Windows-1251: ${c}`);
    }),
  );
}

const ru = (vocabulary: Parameters<typeof labelOf>[0], code: string) =>
  labelOf(vocabulary, code, 'ru')!;
const rows: Record<string, string>[] = [
  {
    date: '2020-02-22',
    precision: 'day',
    country: ru('country', 'KZ'),
    type: ru('incident_type', 'detention'),
    title: 'Задержания на митинге в Алматы; «Ёлка»',
    target_kind: 'person',
    target_name: 'Активист Один',
    target_category: ru('target_category', 'civil_activist'),
    source_main: ru('perpetrator_source', 'police'),
    rights: ru('right', 'freedom_of_peaceful_assembly'),
  },
  {
    date: '2020-10',
    precision: 'month',
    country: ru('country', 'KG'),
    type: ru('incident_type', 'summons'),
    title: 'Вызов в ГКНБ',
    target_kind: 'person',
    target_name: 'Журналист Два',
    target_category: ru('target_category', 'journalist'),
    source_main: ru('perpetrator_source', 'national_security_committee'),
    rights: ru('right', 'freedom_of_expression'),
  },
];

function csv(delimiter: string): string {
  const quote = (v: string) =>
    v.includes(delimiter) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v;
  return [
    headersIn('ru', TEMPLATE_COLUMNS).map(quote).join(delimiter),
    ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => quote(r[c] ?? '')).join(delimiter)),
  ]
    .map((line) => `${line}\r\n`)
    .join('');
}

const TODAY = '2026-01-01';
const plan = async (content: Buffer) => planImport(await readSheet(content, 'csv'), TODAY);

describe('CSV encodings and separators', () => {
  it('a Windows-1251 ";" CSV with Russian headers imports like its UTF-8 twin', async () => {
    const utf8 = await plan(Buffer.from(csv(','), 'utf8'));
    expect(utf8.problems).toEqual([]);
    expect(utf8.incidents).toHaveLength(2);
    const windows = await plan(cp1251(csv(';')));
    expect(windows).toEqual(utf8);
    expect(JSON.stringify(windows)).toContain(
      'Задержания на митинге в Алматы; «Ёлка»'.replace('«Ёлка»', ''),
    );
  });

  it.each([
    ['UTF-8 with a BOM, tab-separated', Buffer.from(`\ufeff${csv('\t')}`, 'utf8')],
    ['UTF-16 LE with a BOM (Excel "Unicode text")', Buffer.from(`\ufeff${csv('\t')}`, 'utf16le')],
    ['UTF-16 LE without a BOM', Buffer.from(csv(';'), 'utf16le')],
    ['UTF-16 BE with a BOM', Buffer.from(`\ufeff${csv(',')}`, 'utf16le').swap16()],
  ])('%s: the same rows', async (_, content) => {
    expect(await plan(content)).toEqual(await plan(Buffer.from(csv(','), 'utf8')));
  });

  it('refuses a file it cannot read with one message naming what it saw and what to do', async () => {
    // "date;дата" in DOS CP866: read as Windows-1251 it is not Russian text.
    const cp866 = Buffer.from([0x64, 0x61, 0x74, 0x65, 0x3b, 0xa4, 0xa0, 0xe2, 0xa0, 0x0d, 0x0a]);
    const read = readSheet(cp866, 'csv');
    await expect(read).rejects.toBeInstanceOf(UnreadableSheet);
    await expect(read).rejects.toThrow(/neither UTF-8, UTF-16 nor Windows-1251.*CP866.*CSV UTF-8/);
    await expect(readSheet(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 8, 0]), 'csv')).rejects.toThrow(
      /not text.*zero bytes.*CSV UTF-8/,
    );
  });
});
