import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TokenAuthService } from '@app/auth';
import { SQL_CLIENT, SqlClient } from '@app/database';
import {
  ACTS_BY_MONTH,
  kadyrKasiyet2020,
  PERSONS_BY_CATEGORY,
} from '../kadyr-kasiyet-2020/kadyr-kasiyet-2020.dataset';
import { postCases, uploadKadyrKasiyet2020 } from '../kadyr-kasiyet-2020/kadyr-kasiyet-2020.sheet';
import { startTestApp, TestApp } from '../../support/test-app';
import { createTestWorkspace, TestWorkspace } from '../../support/workspaces';

/**
 * The Kadyr-Kasiyet 2020 year, with names in titles, places, descriptions, tags, perpetrator
 * units and source titles as monitors write them, recorded once for two acceptances:
 * - issue 4: uploaded as a monitoring sheet (POST /imports, the batch path), GET /stats gives
 *   back the published figures; its January, posted one request at a time in a second
 *   workspace, counts the same;
 * - issue 6, protection of the people in the data: no analyst response contains a name; no
 *   public response has a count from 1 to 4; after an erasure, neither the event log nor any
 *   table holds the name (as text or as its UTF-8 bytes), and GET /stats gives the same
 *   figures as before.
 */
describe('the Kadyr-Kasiyet 2020 year', () => {
  let t: TestApp;
  let sql: SqlClient;
  let workspaceId: string;
  let analyst: { Authorization: string };
  /** January again, posted request by request. */
  let byRequest: TestWorkspace;
  let lastPosition = '';
  let incidentIds: string[] = [];
  let personIds: string[] = [];
  const dataset = kadyrKasiyet2020();
  const { persons, incidents } = dataset;
  const january = incidents.filter((i) => i.month === 1);
  const NAME = /Monitored person \d+/;

  const http = () => request(t.server);

  async function tokenWithRole(role: string): Promise<{ Authorization: string }> {
    const userId = randomUUID();
    await sql.query('INSERT INTO users (id, workspace_id, name, role) VALUES ($1, $2, $3, $4)', [
      userId,
      workspaceId,
      `${role} user`,
      role,
    ]);
    const { token } = await t.app.get(TokenAuthService).createToken(userId);
    return { Authorization: `Bearer ${token}` };
  }

  /** Every page of a list, as answered. */
  async function pagesOf(path: string, auth: { Authorization: string }) {
    const pages: request.Response[] = [];
    let cursor: string | undefined;
    do {
      const page = await http()
        .get(path)
        .query({ limit: 200, after: lastPosition, ...(cursor && { cursor }) })
        .set(auth)
        .expect(200);
      pages.push(page);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    return pages;
  }

  const idsOf = async (path: string, auth: { Authorization: string }) =>
    (await pagesOf(path, auth)).flatMap((page) =>
      page.body.items.map((item: { id: string }) => item.id as string),
    );

  beforeAll(async () => {
    t = await startTestApp('postgres');
    sql = t.app.get<SqlClient>(SQL_CLIENT);
    workspaceId = (await http().get('/me').set(t.auth).expect(200)).body.workspaceId;
    analyst = await tokenWithRole('analyst');
    await uploadKadyrKasiyet2020(t.server, t.auth, dataset);
    byRequest = await createTestWorkspace(t.server, 'Kadyr-Kasiyet by request', ['analyst']);
    // Posted after the upload, so its last position is after everything recorded.
    lastPosition = await postCases(
      t.server,
      { Authorization: `Bearer ${byRequest.tokens.admin}` },
      dataset,
      january,
    );
    incidentIds = await idsOf('/incidents', t.auth);
    personIds = await idsOf('/persons', t.auth);
    expect(personIds).toHaveLength(684);
    expect(incidentIds).toHaveLength(incidents.length);
  }, 300_000);

  afterAll(async () => t?.close());

  describe('the published figures', () => {
    const stats = (query: string, auth = t.auth) =>
      http().get(`/stats?${query}&after=${lastPosition}`).set(auth).expect(200);

    it('counts 684 persons, by target category exactly as published', async () => {
      const { body } = await stats('measure=persons&groupBy=targetCategory&year=2020');
      const byCategory = Object.fromEntries(
        body.rows.map((r: { keys: { targetCategory: string }; value: number }) => [
          r.keys.targetCategory,
          r.value,
        ]),
      );
      expect(byCategory).toEqual(PERSONS_BY_CATEGORY);
      expect(body.total).toBe(684);
    });

    it('counts 1,414 acts (threats)', async () => {
      const { body } = await stats('measure=acts&year=2020');
      expect(body.total).toBe(1414);
    });

    it('peaks in February and October', async () => {
      const { body } = await stats('measure=acts&groupBy=month&year=2020');
      const series = body.rows.map((r: { keys: { month: string | null }; value: number }) => [
        r.keys.month,
        r.value,
      ]);
      expect(series).toEqual(
        ACTS_BY_MONTH.map((n, m) => [`2020-${String(m + 1).padStart(2, '0')}`, n]),
      );
      const top = [...series]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([month]) => month)
        .sort();
      expect(top).toEqual(['2020-02', '2020-10']);
    });

    it('counts January posted one request at a time as uploaded in the sheet', async () => {
      const other = { Authorization: `Bearer ${byRequest.tokens.admin}` };
      const queries = [
        'measure=persons&groupBy=targetCategory',
        'measure=acts&groupBy=type',
        'measure=incidents&groupBy=source',
        'measure=acts&groupBy=right',
      ];
      for (const query of queries) {
        const uploaded = await stats(`${query}&from=2020-01&to=2020-01`);
        const posted = await stats(query, other);
        expect({ query, rows: posted.body.rows, total: posted.body.total }).toEqual({
          query,
          rows: uploaded.body.rows,
          total: uploaded.body.total,
        });
      }
      const { body } = await stats('measure=acts', other);
      expect(body.total).toBe(ACTS_BY_MONTH[0]);
    });
  });

  describe('analysts', () => {
    it('never get a name: persons, incidents, their lists and details', async () => {
      const bodies: string[] = [];
      // The full view does name them: the check below can fail.
      const full = await http().get(`/incidents/${incidentIds[0]}`).set(t.auth).expect(200);
      expect(JSON.stringify(full.body)).toMatch(NAME);

      for (const path of ['/persons', '/organisations', '/incidents']) {
        const pages = await pagesOf(path, analyst);
        bodies.push(...pages.map((page) => page.text));
        expect(pages.length).toBeGreaterThan(0);
      }
      const listed = bodies.slice(0, 4).flatMap((b) => JSON.parse(b).items ?? []);
      expect(listed.length).toBeGreaterThanOrEqual(684);

      // Every person's and every incident's detail, ten requests at a time; and the cases
      // posted by request, whose perpetrator units and source titles name people too.
      const otherAnalyst = { Authorization: `Bearer ${byRequest.tokens.analyst}` };
      const posted = await idsOf('/incidents', {
        Authorization: `Bearer ${byRequest.tokens.admin}`,
      });
      expect(posted).toHaveLength(january.length);
      const details = [
        ...personIds.map((id) => [`/persons/${id}`, analyst] as const),
        ...incidentIds.map((id) => [`/incidents/${id}`, analyst] as const),
        ...posted.map((id) => [`/incidents/${id}`, otherAnalyst] as const),
      ];
      for (let i = 0; i < details.length; i += 10) {
        const answers = await Promise.all(
          details.slice(i, i + 10).map(([path, auth]) => http().get(path).set(auth).expect(200)),
        );
        for (const res of answers) {
          if (res.body.label !== undefined) expect(res.body.label).toMatch(/^P-[0-9A-F]{6}$/);
          else expect(res.body).toMatchObject({ region: 'KZ-75', redacted: true });
          expect(res.body.place).toBeUndefined();
          bodies.push(res.text);
        }
      }
      expect(bodies.length).toBeGreaterThan(684 + incidentIds.length);
      const leaking = bodies.filter((b) => NAME.test(b));
      expect(leaking).toEqual([]);
      // And the label replaces the name where a person is shown.
      const one = await http().get(`/incidents/${incidentIds[0]}`).set(analyst).expect(200);
      expect(one.body.targets[0].label).toMatch(/^P-/);
    });

    it('get an organisation by its label and codes: its notes may name people', async () => {
      const { body } = await http()
        .post('/organisations')
        .set(t.auth)
        .send({
          name: 'Adil Soz',
          label: 'ORG-1',
          category: 'ngo',
          notes: 'Contact: Monitored person 1',
        })
        .expect(201);
      const read = await http().get(`/organisations/${body.id}`).set(analyst).expect(200);
      expect(read.body).toEqual({
        id: body.id,
        version: 1,
        label: 'ORG-1',
        category: 'ngo',
        country: null,
      });
    });

    it('cannot search titles (a search would tell which names exist)', async () => {
      await http().get('/incidents').query({ q: 'Monitored' }).set(analyst).expect(403);
    });
  });

  describe('the public', () => {
    const MEASURES = ['incidents', 'acts', 'persons'];
    const GROUP_BYS = [
      [],
      ['targetCategory'],
      ['month'],
      ['type'],
      ['source'],
      ['month', 'targetCategory'],
      ['type', 'targetCategory'],
      ['right', 'month'],
    ];
    const FILTERS = [
      {},
      { targetCategory: 'trade_union_activist' },
      { type: 'summons', from: '2020-02', to: '2020-02' },
    ];

    it('gets 404 until the workspace opts in, as for an unknown workspace', async () => {
      const query = { workspace: workspaceId, measure: 'acts' };
      await http().get('/public/stats').query(query).expect(404);
      await http()
        .get('/public/stats')
        .query({ ...query, workspace: randomUUID() })
        .expect(404);
      await http()
        .put(`/workspaces/${workspaceId}/public`)
        .set(analyst)
        .send({ enabled: true })
        .expect(403);
      await http()
        .put(`/workspaces/${randomUUID()}/public`)
        .set(t.auth)
        .send({ enabled: true })
        .expect(404);
      await http()
        .put(`/workspaces/${workspaceId}/public`)
        .set(t.auth)
        .send({ enabled: true })
        .expect(200, { workspaceId, enabled: true });
    });

    it('never sees a count from 1 to 4, nor a name, and every other figure is the real one', async () => {
      let small = 0;
      for (const measure of MEASURES)
        for (const groupBy of GROUP_BYS)
          for (const filter of FILTERS) {
            const query = {
              measure,
              ...filter,
              ...(groupBy.length > 0 && { groupBy: groupBy.join(',') }),
            };
            const pub = await http()
              .get('/public/stats')
              .query({ workspace: workspaceId, after: lastPosition, ...query })
              .expect(200);
            const real = await http().get('/stats').query(query).set(t.auth).expect(200);
            expect(pub.text).not.toMatch(NAME);
            const cells = [
              ...pub.body.rows.map((r: { value: unknown }) => r.value),
              pub.body.total,
            ];
            const truth = [
              ...real.body.rows.map((r: { value: number }) => r.value),
              real.body.total,
            ];
            if (real.body.total < 5) {
              expect(pub.body).toMatchObject({ rows: [], total: '<5' });
              small++;
              continue;
            }
            cells.forEach((cell, i) => {
              if (truth[i] < 5) {
                small++;
                expect(cell).toBe('<5');
              } else if (typeof cell === 'number') {
                expect(cell).toBe(truth[i]);
              } else {
                expect(cell).toBe('suppressed');
              }
            });
            // No group with exactly one hidden cell: its total would give it away.
            if (groupBy.length === 1) {
              const hidden = cells.slice(0, -1).filter((c) => typeof c === 'string');
              expect(hidden.length).not.toBe(1);
            }
          }
      expect(small).toBeGreaterThan(0); // the dataset does have small cells: the check can fail
    });

    it('cannot tell whether anyone carries a tag (a name), used or not', async () => {
      // Only the workspace's declared tags filter for callers without names (issue 19): a
      // name is refused like any tag off the list, used or not.
      const answer = async (tag: string) => {
        const { body } = await http()
          .get('/public/stats')
          .query({ workspace: workspaceId, measure: 'incidents', groupBy: 'month', tag })
          .expect(400);
        const viaAnalyst = await http()
          .get('/stats')
          .query({ measure: 'incidents', tag })
          .set(analyst)
          .expect(400);
        expect(viaAnalyst.body.errors).toEqual(body.errors);
        return body.errors;
      };
      const used = persons[incidents[0].persons[0]].name.replace(/ /g, '-').toLowerCase();
      const real = await http()
        .get('/stats')
        .query({ measure: 'incidents', tag: used })
        .set(t.auth)
        .expect(200);
      expect(real.body.total).toBeGreaterThan(0); // the tag is used, in fewer than 5 incidents
      expect(real.body.total).toBeLessThan(5);
      expect(await answer('nobody-by-this-name')).toEqual(await answer(used));
    });
  });

  describe('erasure (crypto-shredding)', () => {
    const name = 'Zhanar Shredova-Testkyzy';
    const inlineName = 'Bolat Inlineuly Shredov';
    let id: string;
    let inlineId: string;
    /** An incident whose title names her, as monitors do type names. */
    let namingId: string;
    let position = '';

    async function figures(): Promise<unknown[]> {
      const queries = [
        { measure: 'persons', groupBy: 'targetCategory' },
        { measure: 'acts', groupBy: 'month' },
        { measure: 'persons' },
        { measure: 'incidents', groupBy: 'type' },
      ];
      const out: unknown[] = [];
      for (const q of queries) {
        const { body } = await http()
          .get('/stats')
          .query({ ...q, after: position })
          .set(t.auth)
          .expect(200);
        out.push({ rows: body.rows, total: body.total });
      }
      return out;
    }

    /** Rows of every table of the schema (events, read models, keys, audit...) holding `text`. */
    async function traces(text: string): Promise<string[]> {
      const { rows: tables } = await sql.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      );
      const hex = Buffer.from(text, 'utf8').toString('hex');
      const found: string[] = [];
      for (const { name: table } of tables) {
        const { rows } = await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${table}" t
            WHERE t::text LIKE $1 OR t::text LIKE $2 OR encode(convert_to(t::text, 'UTF8'), 'hex') LIKE $2`,
          [`%${text}%`, `%${hex}%`],
        );
        if (rows[0].n > 0) found.push(table);
      }
      return found;
    }

    it('registers, amends and reports a person, sealed in the log but readable in full', async () => {
      const reg = await http()
        .post('/persons')
        .set(t.auth)
        .send({
          name: 'Zhanar Shredova',
          category: 'journalist',
          country: 'KZ',
          gender: 'female',
          birthYear: 1988,
          contacts: '+7 701 000 77 66',
          address: 'Almaty, Abai avenue 10',
          notes: `Works with ${name}'s family`,
          aliases: ['Жанар Шредова'],
        })
        .expect(201);
      id = reg.body.id;
      await http()
        .post(`/persons/${id}/amendments`)
        .set(t.auth)
        .send({ field: 'name', value: name, reason: 'typo', note: `full name is ${name}` })
        .expect(201);
      const report = await http()
        .post('/incidents')
        .set(t.auth)
        .send({
          title: 'Summons of two journalists',
          country: 'KZ',
          occurred: { date: '2020-11-03', precision: 'day' },
          type: 'summons',
          rights: ['freedom_of_expression'],
          perpetrators: [{ source: 'police', role: 'main' }],
          targets: [
            { personId: id, category: 'journalist' },
            { person: { name: inlineName }, category: 'journalist' },
          ],
        })
        .expect(201);
      position = report.body.position;
      inlineId = (await http().get(`/incidents/${report.body.id}`).set(t.auth).expect(200)).body
        .targets[1].personId;

      const read = await http().get(`/persons/${id}`).set(t.auth).expect(200);
      expect(read.body).toMatchObject({ name, address: 'Almaty, Abai avenue 10', erased: false });
      expect(read.body.aliases).toEqual(['Жанар Шредова']);
      // Sealed already: the key is all that opens it.
      expect(await traces(name)).toEqual([]);
      expect(await traces('Abai avenue')).toEqual([]);
      expect(await traces('Шредова')).toEqual([]);
      // ...while the scan does find what is in clear (it can fail).
      const label = read.body.label as string;
      expect(await traces(label)).toEqual(expect.arrayContaining(['es_events', 'rm_targets']));
    });

    it('after the erasure: "[erased]" everywhere, no trace anywhere, the same figures', async () => {
      const named = (
        await http()
          .post('/incidents')
          .set(t.auth)
          .send({
            title: `Detention of ${name}`,
            description: `${name.toUpperCase()} was taken to the police station`,
            country: 'KZ',
            occurred: { date: '2020-11-04', precision: 'day' },
            type: 'detention',
            targets: [{ personId: id, category: 'journalist' }],
          })
          .expect(201)
      ).body;
      namingId = named.id;
      position = named.position;
      const before = await figures();
      const naming: string[][] = [];
      for (const person of [id, inlineId]) {
        const res = await http()
          .post(`/persons/${person}/erasure`)
          .set(t.auth)
          .send({ reason: 'Request of the person' })
          .expect(201);
        position = res.body.position;
        naming.push(res.body.incidentsNamingPerson);
      }
      // Her name typed into a title is no record of hers: the erasure lists it, ids only...
      expect(naming).toEqual([[namingId], []]);
      // ...for the admin to redact.
      position = (
        await http()
          .post(`/incidents/${namingId}/redactions`)
          .set(t.auth)
          .send({
            fields: ['title', 'description'],
            replacement: 'Detention',
            reason: 'Named an erased person',
          })
          .expect(201)
      ).body.position;
      await http().post(`/persons/${id}/erasure`).set(analyst).send({ reason: 'x' }).expect(403);
      await http().post(`/persons/${id}/erasure`).set(t.auth).send({ reason: 'again' }).expect(409);
      await http()
        .post(`/persons/${id}/amendments`)
        .set(t.auth)
        .send({ field: 'name', value: 'New Name', reason: 'typo' })
        .expect(409);

      const read = await http().get(`/persons/${id}`).set(t.auth).expect(200);
      expect(read.body).toMatchObject({
        name: '[erased]',
        contacts: null,
        address: null,
        notes: null,
        aliases: [],
        erased: true,
        category: 'journalist',
      });
      expect((await http().get(`/persons/${inlineId}`).set(t.auth).expect(200)).body.name).toBe(
        '[erased]',
      );
      // Listed still (they still count), marked erased. The inline one has no category of its own.
      const items: { id: string; erased: boolean }[] = [];
      let cursor: string | undefined;
      do {
        const page = await http()
          .get('/persons')
          .query({ after: position, limit: 200, ...(cursor && { cursor }) })
          .set(t.auth)
          .expect(200);
        items.push(...page.body.items);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(items).toHaveLength(686);
      const erasedRows = items.filter((p) => p.erased);
      expect(erasedRows.map((p) => p.id).sort()).toEqual([id, inlineId].sort());

      for (const text of [
        name,
        inlineName,
        'Zhanar Shredova',
        '+7 701 000 77 66',
        'Abai avenue',
        'Шредова',
      ]) {
        expect({ text, tables: await traces(text) }).toEqual({ text, tables: [] });
      }
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM person_keys WHERE person_id = ANY($1::uuid[]) AND wrapped_key IS NULL AND destroyed_at IS NOT NULL`,
        [[id, inlineId]],
      );
      expect(rows[0].n).toBe(2);
      expect(await figures()).toEqual(before);
    });
  });
});
