import request from 'supertest';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { namePrefixes, nameTokens } from '@app/domain/names';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';
import { createTestWorkspace, TestWorkspace } from '../../../../../test/support/workspaces';

/**
 * Every row of every table as text, in which a digest would show as hex (bytea columns) or
 * base64 (text): the place a leftover HMAC of a name would be found.
 */
async function everyRowAsText(sql: SqlClient): Promise<string> {
  const { rows: tables } = await sql.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema = current_schema()`,
  );
  const texts: string[] = [];
  for (const t of tables) {
    const { rows } = await sql.query<{ row: string }>(
      `SELECT t::text AS row FROM "${t.schema}"."${t.name}" t`,
    );
    texts.push(...rows.map((r) => r.row));
  }
  return texts.join('\n');
}

describe.each(['pglite', 'postgres'] as const)('Finding persons by name (%s)', (backend) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let sql: SqlClient;
  beforeAll(async () => {
    t = await startTestApp(backend);
    ws = await createTestWorkspace(t.server, 'Name search NGO');
    sql = t.app.get(SQL_CLIENT);
  }, 120_000);
  afterAll(async () => t?.close());

  const as = (role: 'admin' | 'monitor' | 'verifier' | 'analyst' | 'public') => ({
    Authorization: `Bearer ${ws.tokens[role]}`,
  });
  const search = (q: string, role: 'admin' | 'monitor' | 'verifier' | 'analyst' | 'public') =>
    request(t.server).get('/persons').query({ q }).set(as(role));

  it('finds Dulat Agadil by either spelling, refuses analysts, and keeps nothing after his erasure', async () => {
    const agadil = await request(t.server)
      .post('/persons')
      .set(as('monitor'))
      .send({ name: 'Дулат Агадил', category: 'civil_activist', aliases: ['Dulat Agadil'] })
      .expect(201);
    const namesake = await request(t.server)
      .post('/persons')
      .set(as('monitor'))
      .send({ name: 'Агата Кристи', category: 'journalist' })
      .expect(201);
    const after = agadil.body.position as string;

    for (const q of ['агадил', 'Agadil', 'Agadıl', 'AGAD', 'dulat agadil', 'Агадил Дулат']) {
      const found = await search(q, 'monitor').query({ after }).expect(200);
      expect({ q, items: found.body.items }).toEqual({
        q,
        items: [expect.objectContaining({ id: agadil.body.id, name: 'Дулат Агадил' })],
      });
    }
    const both = await search('Ага', 'verifier').query({ after: namesake.body.position });
    expect(both.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [agadil.body.id, namesake.body.id].sort(),
    );
    expect((await search('Агадилов', 'monitor').expect(200)).body.items).toEqual([]);

    const tooShort = await search('Аг', 'monitor').expect(400);
    expect(tooShort.body.errors[0].field).toBe('q');
    expect(tooShort.text).not.toContain('Аг');

    const refused = await search('агадил', 'analyst').expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.text).not.toContain(agadil.body.id);
    await search('агадил', 'public').expect(403);
    // Without q an analyst still lists the labels, never a name.
    const listed = await request(t.server).get('/persons').set(as('analyst')).expect(200);
    expect(listed.text).not.toContain('Агадил');

    // Another workspace finds nothing of this one.
    const other = await createTestWorkspace(t.server, 'Other NGO', []);
    const elsewhere = await request(t.server)
      .get('/persons')
      .query({ q: 'агадил' })
      .set({ Authorization: `Bearer ${other.tokens.admin}` })
      .expect(200);
    expect(elsewhere.body.items).toEqual([]);

    // The digests of his name as the index stores them, before the erasure; "aga" begins the
    // namesake's name too: that digest is hers as well, and stays.
    const digestsOf = async (id: string) =>
      (
        await sql.query<{ d: string }>(
          `SELECT encode(digest, 'hex') AS d FROM name_index WHERE subject_id = $1`,
          [id],
        )
      ).rows.map((r) => r.d);
    const hers = new Set(await digestsOf(namesake.body.id));
    const digests = (await digestsOf(agadil.body.id))
      .filter((d) => !hers.has(d))
      .map((d) => Buffer.from(d, 'hex'));
    const hisPrefixes = new Set(nameTokens('Дулат Агадил').flatMap(namePrefixes));
    const herPrefixes = new Set(nameTokens('Агата Кристи').flatMap(namePrefixes));
    // His beginnings that are not hers, his two whole parts and his whole name (the alias
    // Dulat Agadil folds to the same).
    expect(digests).toHaveLength([...hisPrefixes].filter((p) => !herPrefixes.has(p)).length + 3);
    const before = await everyRowAsText(sql);
    expect(before).toContain(digests[0].toString('hex'));

    await request(t.server)
      .post(`/persons/${agadil.body.id}/erasure`)
      .set(as('admin'))
      .send({ reason: 'Request of the person' })
      .expect(201);

    expect((await search('агадил', 'monitor').expect(200)).body.items).toEqual([]);
    expect((await search('Dulat', 'monitor').expect(200)).body.items).toEqual([]);
    const scanned = await everyRowAsText(sql);
    for (const d of digests) {
      expect(scanned).not.toContain(d.toString('hex'));
      expect(scanned).not.toContain(d.toString('base64'));
    }
    // The namesake's entries stay: erasure removes one person's only.
    const namesakeFound = await search('Агата', 'monitor').expect(200);
    expect(namesakeFound.body.items).toHaveLength(1);
  });

  it('finds a person by a new name after an amendment and by an alias linked later', async () => {
    const created = await request(t.server)
      .post('/persons')
      .set(as('monitor'))
      .send({ name: 'Жанна Ерланова', category: 'journalist' })
      .expect(201);
    const id = created.body.id as string;
    await request(t.server)
      .post(`/persons/${id}/amendments`)
      .set(as('monitor'))
      .send({ field: 'name', value: 'Жанна Серикова', reason: 'typo' })
      .expect(201);
    const linked = await request(t.server)
      .post(`/persons/${id}/aliases`)
      .set(as('monitor'))
      .send({ alias: 'Zhanna Qalieva' })
      .expect(201);
    const ids = async (q: string) =>
      (
        await search(q, 'monitor').query({ after: linked.body.position }).expect(200)
      ).body.items.map((i: { id: string }) => i.id);
    expect(await ids('Serikova')).toEqual([id]);
    expect(await ids('Ерланова')).toEqual([]);
    expect(await ids('Kaliev')).toEqual([id]);
  });
});
