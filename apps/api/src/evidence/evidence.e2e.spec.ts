import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { createTestWorkspace, TestWorkspace } from '../../../../test/support/workspaces';
import { zipArchive } from '../../../../test/support/zip-archive';
import { MAX_EVIDENCE_BYTES } from './evidence.commands';

/** A 1×1 JPEG (arithmetic-coded, 125 bytes), the smallest a decoder takes. */
const TINY_JPEG = Buffer.from(
  'ffd8ffe000104a46494600010101004800480000ffdb004300030202020203020202030303030406040404040408060' +
    '6050609080a0a090809090a0c0f0c0a0b0e0b09090d110d0e0f101011100a0c12131210130f101010ffc9000b08000100' +
    '010101110000ffcc000600101005ffda0008010100003f00d2cf20ffd9',
  'hex',
);

/** EXIF with a GPS latitude of 43° 15′ 30″ N (Almaty): the TIFF structure a phone writes. */
function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(80);
  tiff.write('MM\u0000*', 0, 'latin1');
  tiff.writeUInt32BE(8, 4); // IFD0
  tiff.writeUInt16BE(1, 8); // one entry: the GPS IFD pointer
  tiff.writeUInt16BE(0x8825, 10);
  tiff.writeUInt16BE(4, 12); // LONG
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  tiff.writeUInt16BE(2, 26); // GPS IFD: two entries
  tiff.writeUInt16BE(0x0001, 28); // GPSLatitudeRef = "N"
  tiff.writeUInt16BE(2, 30);
  tiff.writeUInt32BE(2, 32);
  tiff.write('N\u0000\u0000\u0000', 36, 'latin1');
  tiff.writeUInt16BE(0x0002, 40); // GPSLatitude = 43/1, 15/1, 3000/100
  tiff.writeUInt16BE(5, 42);
  tiff.writeUInt32BE(3, 44);
  tiff.writeUInt32BE(56, 48);
  tiff.writeUInt32BE(0, 52);
  [43, 1, 15, 1, 3000, 100].forEach((n, i) => tiff.writeUInt32BE(n, 56 + i * 4));
  const body = Buffer.concat([Buffer.from('Exif\u0000\u0000', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

const GPS_LATITUDE = Buffer.from('0000002b000000010000000f0000000100000bb800000064', 'hex');

/** A ZIP archive of one entry: 50 MB of zeros deflated to a few kilobytes. */
function zipBomb(name: string): Buffer {
  return zipArchive([{ name, content: Buffer.alloc(50 * 1024 * 1024) }]);
}

/** Every row of every table of the app's schema, as PostgreSQL prints it (bytea as hex). */
async function everyRowAsText(sql: SqlClient): Promise<string> {
  const { rows: tables } = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema = current_schema()`,
  );
  const texts: string[] = [];
  for (const t of tables) {
    const { rows } = await sql.query<{ row: string }>(`SELECT t::text AS row FROM "${t.name}" t`);
    texts.push(...rows.map((r) => r.row));
  }
  return texts.join('\n');
}

describe('Evidence files (pglite)', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let sql: SqlClient;
  let incidentId: string;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    ws = await createTestWorkspace(t.server, 'Evidence NGO');
    sql = t.app.get(SQL_CLIENT);
    const created = await request(t.server)
      .post('/incidents')
      .set(as('monitor'))
      .send({
        title: 'Summons of a journalist',
        country: 'KZ',
        occurred: { date: '2021-05', precision: 'month' },
        type: 'summons',
        sources: [{ title: 'Court decision', publishedOn: '2021-05' }],
      })
      .expect(201);
    incidentId = created.body.id;
  }, 120_000);
  afterAll(async () => t?.close());

  function as(role: 'admin' | 'monitor' | 'verifier' | 'analyst') {
    return { Authorization: `Bearer ${ws.tokens[role]}` };
  }
  const upload = (bytes: Buffer, name: string, fields: Record<string, string> = {}) => {
    let req = request(t.server).post(`/incidents/${incidentId}/evidence`).set(as('monitor'));
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', bytes, name);
  };
  const storedFiles = async () =>
    (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence_files')).rows[0].n;

  it('round-trips a court decision byte for byte, and keeps no plain byte of it', async () => {
    const marker = randomBytes(48).toString('hex');
    const pdf = Buffer.from(`%PDF-1.4\n% decision ${marker}\n%%EOF\n`, 'latin1');
    const read = await request(t.server).get(`/incidents/${incidentId}`).set(as('monitor'));
    const sourceId = read.body.sources[0].sourceId as string;
    const kept = await upload(pdf, 'decision.pdf', { sourceId }).expect(201);
    expect(kept.body).toMatchObject({
      id: expect.any(String),
      version: 1,
      size: pdf.length,
      mediaType: 'application/pdf',
      metadataStripped: false,
      sha256: (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex'),
    });

    const downloaded = await request(t.server)
      .get(`/incidents/${incidentId}/evidence/${kept.body.id}`)
      .set(as('verifier'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(downloaded.body as Buffer, pdf)).toBe(0);

    const listed = await request(t.server)
      .get(`/incidents/${incidentId}/evidence`)
      .set(as('monitor'))
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: kept.body.id,
        sourceId,
        status: 'attached',
        recordedBy: ws.userIds.monitor,
      }),
    ]);
    expect(listed.text).not.toContain('decision.pdf');

    const scanned = await everyRowAsText(sql);
    expect(scanned).not.toContain(marker);
    expect(scanned).not.toContain(Buffer.from(marker, 'latin1').toString('hex'));

    // Analysts and other workspaces get nothing.
    await request(t.server)
      .get(`/incidents/${incidentId}/evidence/${kept.body.id}`)
      .set(as('analyst'))
      .expect(403);
    const other = await createTestWorkspace(t.server, 'Other NGO', []);
    await request(t.server)
      .get(`/incidents/${incidentId}/evidence/${kept.body.id}`)
      .set({ Authorization: `Bearer ${other.tokens.admin}` })
      .expect(404);

    // The download is in the audit trail.
    const audit = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'GET /incidents/:id/evidence/:evidenceId' AND status = 200`,
    );
    expect(audit.rows[0].n).toBe(1);

    // Removal destroys the key and the ciphertext, and records why.
    await request(t.server)
      .post(`/incidents/${incidentId}/evidence/${kept.body.id}/removal`)
      .set(as('monitor'))
      .send({ reason: 'Uploaded to the wrong incident' })
      .expect(201);
    await request(t.server)
      .get(`/incidents/${incidentId}/evidence/${kept.body.id}`)
      .set(as('monitor'))
      .expect(410);
    const row = await sql.query<{ key: string | null; content: string | null }>(
      'SELECT wrapped_key::text AS key, content::text AS content FROM evidence_files WHERE evidence_id = $1',
      [kept.body.id],
    );
    expect(row.rows).toEqual([{ key: null, content: null }]);
    await request(t.server)
      .post(`/incidents/${incidentId}/evidence/${kept.body.id}/removal`)
      .set(as('monitor'))
      .send({ reason: 'again' })
      .expect(409);
  });

  it('removes EXIF and GPS from a photo unless kept on purpose', async () => {
    const photo = Buffer.concat([
      TINY_JPEG.subarray(0, 20), // SOI + APP0
      exifWithGps(),
      TINY_JPEG.subarray(20),
    ]);
    expect(photo.includes(GPS_LATITUDE)).toBe(true);
    const kept = await upload(photo, 'summons.jpg').expect(201);
    expect(kept.body).toMatchObject({ mediaType: 'image/jpeg', metadataStripped: true });
    const downloaded = await request(t.server)
      .get(`/incidents/${incidentId}/evidence/${kept.body.id}`)
      .set(as('monitor'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = downloaded.body as Buffer;
    expect(bytes.includes(GPS_LATITUDE)).toBe(false);
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    // The picture itself is untouched.
    expect(Buffer.compare(bytes, TINY_JPEG)).toBe(0);

    const onPurpose = await upload(photo, 'where.jpg', { keepMetadata: 'true' }).expect(201);
    expect(onPurpose.body.metadataStripped).toBe(false);
    expect(onPurpose.body.size).toBe(photo.length);
  });

  it('refuses an empty file, an oversized one, a renamed executable and a zip bomb, keeping nothing', async () => {
    const before = await storedFiles();
    const empty = await upload(Buffer.alloc(0), 'empty.pdf').expect(400);
    expect(empty.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(empty.body.errors[0]).toMatchObject({ field: 'file' });

    const oversized = await upload(
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_EVIDENCE_BYTES)]),
      'big.pdf',
    ).expect(413);
    expect(oversized.headers['content-type']).toMatch(/application\/problem\+json/);

    const elf = Buffer.concat([
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
      randomBytes(512),
    ]);
    const executable = await upload(elf, 'court-decision.pdf').expect(415);
    expect(executable.body.detail).toMatch(/not accepted/);
    const windows = Buffer.concat([Buffer.from('MZ'), randomBytes(1024)]);
    await upload(windows, 'photo.jpg').expect(415);

    const bomb = await upload(zipBomb('word/document.xml'), 'decision.docx').expect(415);
    expect(bomb.headers['content-type']).toMatch(/application\/problem\+json/);

    expect(await storedFiles()).toBe(before);
    const listed = await request(t.server)
      .get(`/incidents/${incidentId}/evidence`)
      .set(as('monitor'))
      .expect(200);
    expect(listed.body.items).toHaveLength(before);
  });
});
