import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { openApiGaps } from '../../../../test/support/openapi-document';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import * as kinds from '../../../../test/support/target-requests';
import { tokenInNewWorkspace } from '../../../../test/support/workspaces';

const organisation = {
  name: 'Kazakhstan International Bureau for Human Rights and Rule of Law',
  category: 'ngo',
  country: 'KZ',
  notes: 'Registered as a public association.',
  aliases: ['KIBHR', 'Казахстанское международное бюро по правам человека и соблюдению законности'],
};

describe('organisations over HTTP', () => {
  let t: TestApp;
  const http = () => request(t.server);
  const auth = () => t.auth;
  const { register, readBack, linkAlias } = kinds.targetRequests('/organisations', () => t);

  beforeAll(async () => {
    t = await startTestApp('postgres');
  });

  afterAll(() => t?.close());

  describe('register → get → amend → alias', () => {
    let id: string;

    it('registers an organisation with its aliases, labelled by its name', async () => {
      id = kinds.registeredId(await register(organisation), 3);

      const read = await readBack(id);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"3"');
      expect(read.body).toEqual({
        id,
        version: 3,
        label: organisation.name,
        name: organisation.name,
        category: 'ngo',
        country: 'KZ',
        notes: organisation.notes,
        aliases: organisation.aliases,
      });
    });

    it('lists it from the read model, by category and country, without notes', async () => {
      const { body: registered } = await register({
        name: 'Adil Soz',
        category: 'media_outlet',
        country: 'KZ',
        notes: 'secret note',
      }).expect(201);
      const page = await http()
        .get('/organisations')
        .query({ category: 'media_outlet', country: 'KZ', after: registered.position })
        .set(auth())
        .expect(200);
      expect(page.body.items).toEqual([
        {
          id: registered.id,
          label: 'Adil Soz',
          category: 'media_outlet',
          country: 'KZ',
          version: 1,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      ]);
      expect(page.text).not.toContain('secret note');
    });

    it('amends with If-Match, and answers a stale one with 409 naming both versions', async () => {
      const amend = (value: string) =>
        http()
          .post(`/organisations/${id}/amendments`)
          .set(auth())
          .set('If-Match', '"3"')
          .send({ field: 'label', value, reason: 'typo' });
      const first = await amend('KIBHR');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ id, version: 4 });
      const stale = await amend('Bureau');
      kinds.expectStale(stale, 3, 4);
      expect((await readBack(id)).body).toMatchObject({
        version: 4,
        label: 'KIBHR',
      });
    });

    it('links an alias', async () => {
      const response = await linkAlias(id, 'Қазақстан адам құқықтары жөніндегі халықаралық бюросы');
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ id, version: 5 });
      const read = await readBack(id);
      expect(read.body.aliases).toHaveLength(3);
    });

    it('is not a person, nor seen from another workspace', async () => {
      expect((await http().get(`/persons/${id}`).set(auth())).status).toBe(404);
      const other = { Authorization: `Bearer ${await tokenInNewWorkspace(t.app)}` };
      expect((await http().get(`/organisations/${id}`).set(other)).status).toBe(404);
    });
  });

  it('keeps an explicit label', async () => {
    const { body } = await register({ name: 'Ozat TV', label: 'Ozat', category: 'media_outlet' });
    expect((await readBack(body.id)).body.label).toBe('Ozat');
  });

  it('records one organisation for one Idempotency-Key sent 5 times in parallel', async () => {
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => register({ name: 'Adilet', category: 'ngo' }, key)),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    for (const r of responses) expect(r.body).toEqual(responses[0].body);
    expect(responses[0].body.version).toBe(1);
    const other = await register({ name: 'Adilet', category: 'trade_union' }, key);
    expect(other.status).toBe(422);
  });

  describe('bad requests', () => {
    it('requires a category', async () => {
      const response = await register({ name: 'Adilet' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'category', message: expect.any(String) }]);
    });

    it('answers 400 with the allowed values for an unknown category', async () => {
      const response = await register({ name: 'Adilet', category: 'club' });
      kinds.expectUnknownCategory(response, ['ngo', 'media_outlet']);
    });

    it("answers 400 naming a person's detail sent for an organisation", async () => {
      const response = await register({ name: 'Adilet', category: 'ngo', birthYear: 1999 });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'birthYear', message: expect.stringContaining('should not exist') },
      ]);
    });

    it("answers 400 listing the organisation's amendable fields", async () => {
      const { body } = await register({ name: 'Adilet', category: 'ngo' });
      const response = await http()
        .post(`/organisations/${body.id}/amendments`)
        .set(auth())
        .send({ field: 'gender', value: 'x', reason: 'typo' });
      kinds.expectNotAmendable(response, ['name', 'label', 'category', 'country', 'notes']);
    });

    it('answers 404 for an unknown id and 400 naming `id` for a malformed one', async () => {
      const unknown = await readBack(randomUUID());
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(kinds.PROBLEM);
      const malformed = await http()
        .post('/organisations/x/aliases')
        .set(auth())
        .send({ alias: 'y' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
    });
  });

  it('documents every endpoint in OpenAPI, with an example for every request field', async () => {
    const gaps = await openApiGaps(t.app, kinds.targetOperations('/organisations'));
    expect(gaps).toEqual([]);
  });
});
