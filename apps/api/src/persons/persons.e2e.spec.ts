import { randomUUID } from 'node:crypto';
import { Logger, LoggerService } from '@nestjs/common';
import request from 'supertest';
import { TokenAuthService } from '@app/auth';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { openApiGaps } from '../../../../test/support/openapi-document';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import * as kinds from '../../../../test/support/target-requests';
import { tokenInNewWorkspace } from '../../../../test/support/workspaces';

/** A fictional person: the name and contacts must never reach a log line. */
const person = {
  name: 'Yerlan Zhaksybekov',
  category: 'civil_activist',
  country: 'KZ',
  gender: 'male',
  birthYear: 1979,
  contacts: '+7 701 555 01 23',
  address: 'Zhanaozen, microdistrict 3',
  notes: 'Organised the unemployment protests.',
  aliases: ['Yelshibayev', 'Elshibayev', 'Yelshibayev'],
};

class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep = (...parts: unknown[]) => this.lines.push(parts.map(String).join(' '));
  log = this.keep;
  error = this.keep;
  warn = this.keep;
  debug = this.keep;
  verbose = this.keep;
}

describe('persons over HTTP', () => {
  let t: TestApp;
  const logger = new CapturingLogger();
  const http = () => request(t.server);
  const auth = () => t.auth;
  const { register, readBack, linkAlias } = kinds.targetRequests('/persons', () => t);

  beforeAll(async () => {
    t = await startTestApp('postgres');
    t.app.useLogger(logger);
  });

  afterAll(() => t?.close());

  describe('register → get → amend → alias', () => {
    let id: string;

    it('registers a person and links its aliases in one append', async () => {
      id = kinds.registeredId(await register(person), 3);
    });

    it('reads it back with a pseudonymous label and its version as ETag', async () => {
      const response = await readBack(id);
      expect(response.status).toBe(200);
      expect(response.headers.etag).toBe('"3"');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toEqual({
        id,
        version: 3,
        label: `P-${id.slice(0, 6).toUpperCase()}`,
        name: person.name,
        category: 'civil_activist',
        country: 'KZ',
        gender: 'male',
        birthYear: 1979,
        contacts: person.contacts,
        address: person.address,
        notes: person.notes,
        aliases: ['Yelshibayev', 'Elshibayev'],
        erased: false,
      });
    });

    it('amends a detail with the ETag as If-Match', async () => {
      const response = await http()
        .post(`/persons/${id}/amendments`)
        .set(auth())
        .set('If-Match', '"3"')
        .send({
          field: 'category',
          value: 'trade_union_activist',
          reason: 'reclassified',
          note: 'He led a union.',
        });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ id, version: 4 });
      const read = await readBack(id);
      expect(read.body).toMatchObject({ version: 4, category: 'trade_union_activist' });
      expect(read.headers.etag).toBe('"4"');
    });

    it('answers a stale If-Match with 409 naming both versions, and records nothing', async () => {
      const response = await http()
        .post(`/persons/${id}/amendments`)
        .set(auth())
        .set('If-Match', '"3"')
        .send({ field: 'birthYear', value: 1980, reason: 'typo' });
      kinds.expectStale(response, 3, 4);
      expect((await readBack(id)).body).toMatchObject({
        version: 4,
        birthYear: 1979,
      });
    });

    it('clears an optional detail with null', async () => {
      const response = await http()
        .post(`/persons/${id}/amendments`)
        .set(auth())
        .send({ field: 'contacts', value: null, reason: 'source_retracted' });
      expect(response.status).toBe(201);
      expect((await readBack(id)).body).toMatchObject({
        version: 5,
        contacts: null,
      });
    });

    it('refuses an amendment the domain finds invalid, naming the field and allowed values', async () => {
      const response = await http()
        .post(`/persons/${id}/amendments`)
        .set(auth())
        .send({ field: 'birthYear', value: 1850, reason: 'because' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'value', message: expect.stringContaining('1900') },
          {
            field: 'reason',
            message: expect.any(String),
            allowed: ['typo', 'new_evidence', 'source_retracted', 'reclassified'],
          },
        ]),
      );
    });

    it('links another alias, and refuses one already linked with 409', async () => {
      const linked = await linkAlias(id, 'Ielshibaev');
      expect(linked.status).toBe(201);
      expect(linked.body).toMatchObject({ id, version: 6 });
      const read = await readBack(id);
      expect(read.body.aliases).toEqual(['Yelshibayev', 'Elshibayev', 'Ielshibaev']);

      const again = await linkAlias(id, ' Elshibayev ');
      expect(again.status).toBe(409);
      expect(again.headers['content-type']).toMatch(kinds.PROBLEM);
      expect(again.body.code).toBe('alias_exists');
    });

    it('answers 404 for this id to another workspace, as for an unknown id', async () => {
      const other = { Authorization: `Bearer ${await tokenInNewWorkspace(t.app)}` };
      const read = await http().get(`/persons/${id}`).set(other);
      expect(read.status).toBe(404);
      expect(read.headers['content-type']).toMatch(kinds.PROBLEM);
      expect(read.text).not.toContain(person.name);
      const amend = await http()
        .post(`/persons/${id}/amendments`)
        .set(other)
        .send({ field: 'notes', value: 'x', reason: 'typo' });
      expect(amend.status).toBe(404);
      const alias = await http().post(`/persons/${id}/aliases`).set(other).send({ alias: 'x' });
      expect(alias.status).toBe(404);
    });

    it('never logs the name, contacts or address', () => {
      new Logger('Probe').log('capture works');
      const logged = logger.lines.join('\n');
      expect(logged).toContain('capture works');
      for (const secret of [person.name, person.contacts, person.address, 'Yelshibayev']) {
        expect(logged).not.toContain(secret);
      }
    });
  });

  describe('Idempotency-Key', () => {
    it('records one person for the same POST sent 5 times in parallel, answering the same each time', async () => {
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          register({ name: 'Aliya Nurlanovna', aliases: ['Aliia'] }, key),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      const [first] = responses;
      for (const r of responses) expect(r.body).toEqual(first.body);
      expect(first.body.version).toBe(2);
      const read = await readBack(first.body.id);
      expect(read.body).toMatchObject({ version: 2, name: 'Aliya Nurlanovna', aliases: ['Aliia'] });
    });

    it('answers 422 to the same key with a different body, recording nothing', async () => {
      const key = randomUUID();
      const first = await register({ name: 'Dana Sultanova' }, key);
      expect(first.status).toBe(201);
      const other = await register({ name: 'Dana Sultan' }, key);
      expect(other.status).toBe(422);
      expect(other.headers['content-type']).toMatch(kinds.PROBLEM);
      expect(other.body.type).toBe('urn:rights-ledger:problem:idempotency-key-reused');
      expect((await readBack(first.body.id)).body).toMatchObject({
        version: 1,
        name: 'Dana Sultanova',
      });
    });

    it('replays an amendment retried with its key, even once its If-Match is stale', async () => {
      const { body: created } = await register({ name: 'Marat Ospanov' });
      const amend = () =>
        http()
          .post(`/persons/${created.id}/amendments`)
          .set(auth())
          .set('If-Match', '1')
          .set('Idempotency-Key', 'amend-marat-1')
          .send({ field: 'gender', value: 'male', reason: 'new_evidence' });
      const first = await amend();
      const retry = await amend();
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect((await readBack(created.id)).body.version).toBe(2);
    });
  });

  describe('bad requests', () => {
    it('keeps the label given', async () => {
      const { body } = await register({ name: 'Gulnara B.', label: 'Witness 7' });
      expect((await readBack(body.id)).body.label).toBe('Witness 7');
    });

    it('takes null for an optional field as not given', async () => {
      const response = await register({
        name: 'Asel K.',
        label: null,
        gender: null,
        category: null,
        aliases: null,
      });
      expect(response.status).toBe(201);
      const read = await readBack(response.body.id);
      expect(read.body).toMatchObject({
        label: expect.stringMatching(/^P-/),
        gender: null,
        aliases: [],
      });
    });

    it('answers 400 naming an unknown field', async () => {
      const response = await register({ name: 'Asel K.', victimName: 'x' });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(kinds.PROBLEM);
      expect(response.body.errors).toEqual([
        { field: 'victimName', message: expect.stringContaining('should not exist') },
      ]);
    });

    it('answers 400 naming an unknown category with the allowed values', async () => {
      const response = await register({ name: 'Asel K.', category: 'troublemaker' });
      kinds.expectUnknownCategory(response, ['civil_activist', 'journalist']);
    });

    it('answers 400 naming fields of the wrong type, without echoing values', async () => {
      const response = await register({ name: 'Asel K.', birthYear: '1990', aliases: ['  '] });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'aliases',
        'birthYear',
      ]);
      expect(response.text).not.toContain('Asel');
    });

    it('answers 400 naming an amendment field that does not exist, with the allowed fields', async () => {
      const { body } = await register({ name: 'Asel K.' });
      const response = await http()
        .post(`/persons/${body.id}/amendments`)
        .set(auth())
        .send({ field: 'id', value: 'x', reason: 'typo' });
      kinds.expectNotAmendable(response, expect.arrayContaining(['name', 'birthYear']));
    });

    it('answers 404 for an unknown id', async () => {
      const id = randomUUID();
      for (const response of [
        await readBack(id),
        await http()
          .post(`/persons/${id}/amendments`)
          .set(auth())
          .send({ field: 'notes', value: 'x', reason: 'typo' }),
        await linkAlias(id, 'x'),
      ]) {
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(kinds.PROBLEM);
      }
    });

    it('answers 400 naming `id` for a malformed id', async () => {
      for (const response of [
        await http().get('/persons/not-a-uuid').set(auth()),
        await http()
          .post('/persons/123/amendments')
          .set(auth())
          .send({ field: 'notes', value: 'x', reason: 'typo' }),
        await http().post('/persons/123/aliases').set(auth()).send({ alias: 'x' }),
      ]) {
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(kinds.PROBLEM);
        expect(response.body.errors).toEqual([
          { field: 'id', message: expect.stringContaining('UUID') },
        ]);
      }
    });

    it('answers 400 naming If-Match when it is not a version', async () => {
      const response = await http()
        .post(`/persons/${randomUUID()}/amendments`)
        .set(auth())
        .set('If-Match', 'yesterday')
        .send({ field: 'notes', value: 'x', reason: 'typo' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
    });

    it('answers 401 without a token', async () => {
      expect((await http().post('/persons').send({ name: 'Asel K.' })).status).toBe(401);
      expect((await http().get(`/persons/${randomUUID()}`)).status).toBe(401);
    });
  });

  describe('roles, the redacted list and erasure', () => {
    let id: string;
    let analyst: { Authorization: string };

    beforeAll(async () => {
      const sql = t.app.get<SqlClient>(SQL_CLIENT);
      const { workspaceId } = (await http().get('/me').set(auth())).body;
      const userId = randomUUID();
      await sql.query(
        "INSERT INTO users (id, workspace_id, name, role) VALUES ($1, $2, 'analyst', 'analyst')",
        [userId, workspaceId],
      );
      analyst = {
        Authorization: `Bearer ${(await t.app.get(TokenAuthService).createToken(userId)).token}`,
      };
      id = (await register(person).expect(201)).body.id;
    });

    it('gives an analyst the label and codes only, and no way to record', async () => {
      const read = await http().get(`/persons/${id}`).set(analyst).expect(200);
      expect(read.body).toEqual({
        id,
        version: 3,
        label: `P-${id.slice(0, 6).toUpperCase()}`,
        category: 'civil_activist',
        country: 'KZ',
        gender: 'male',
        birthYear: 1979,
        erased: false,
      });
      await http().post('/persons').set(analyst).send(person).expect(403);
      await http()
        .post(`/persons/${id}/amendments`)
        .set(analyst)
        .send({ field: 'notes', value: 'x', reason: 'typo' })
        .expect(403);
    });

    it('lists persons from the redacted read model, filtered and paged', async () => {
      const { body: registered } = await register({
        name: 'Asel Journalistova',
        category: 'journalist',
      }).expect(201);
      const page = await http()
        .get('/persons')
        .query({ category: 'journalist', after: registered.position })
        .set(analyst)
        .expect(200);
      expect(page.body.items.map((p: { id: string }) => p.id)).toContain(registered.id);
      expect(page.body.items.every((p: { category: string }) => p.category === 'journalist')).toBe(
        true,
      );
      expect(page.text).not.toContain('Asel');
      const first = await http().get('/persons').query({ limit: 1 }).set(auth()).expect(200);
      expect(first.body.items).toHaveLength(1);
      const second = await http()
        .get('/persons')
        .query({ limit: 1, cursor: first.body.nextCursor })
        .set(auth())
        .expect(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      const bad = await http().get('/persons').query({ category: 'hero' }).set(auth()).expect(400);
      expect(bad.body.errors[0].field).toBe('category');
      await http().get('/persons').query({ cursor: 'nonsense' }).set(auth()).expect(400);
    });

    it('erases a person: "[erased]" from then on, once, by an admin only', async () => {
      await http()
        .post(`/persons/${id}/erasure`)
        .set(analyst)
        .send({ reason: 'asked' })
        .expect(403);
      await http().post(`/persons/${id}/erasure`).set(auth()).send({}).expect(400);
      const other = { Authorization: `Bearer ${await tokenInNewWorkspace(t.app)}` };
      await http().post(`/persons/${id}/erasure`).set(other).send({ reason: 'x' }).expect(404);
      await http()
        .post(`/persons/${randomUUID()}/erasure`)
        .set(auth())
        .send({ reason: 'x' })
        .expect(404);

      // A refused erasure leaves the key alone: a stale If-Match changes nothing.
      await http()
        .post(`/persons/${id}/erasure`)
        .set(auth())
        .set('If-Match', '"1"')
        .send({ reason: 'asked' })
        .expect(409);
      expect((await readBack(id).expect(200)).body.name).toBe(person.name);

      const erased = await http()
        .post(`/persons/${id}/erasure`)
        .set(auth())
        .set('Idempotency-Key', `erase-${id}`)
        .send({ reason: 'Request of the person' })
        .expect(201);
      expect(erased.body.version).toBe(4);
      // A retry with the key answers the same; without it, 409: already erased.
      const retry = await http()
        .post(`/persons/${id}/erasure`)
        .set(auth())
        .set('Idempotency-Key', `erase-${id}`)
        .send({ reason: 'Request of the person' })
        .expect(201);
      expect(retry.body).toEqual(erased.body);
      const twice = await http().post(`/persons/${id}/erasure`).set(auth()).send({ reason: 'x' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('person_erased');

      const read = await readBack(id).expect(200);
      expect(read.body).toMatchObject({ name: '[erased]', aliases: [], erased: true });
      expect(read.text).not.toContain(person.contacts);

      // Targeting her again, in a new incident or an existing one: 409 naming the erasure.
      const again = await http()
        .post('/incidents')
        .set(auth())
        .send({
          title: 'Summons to the prosecutor',
          country: 'KZ',
          occurred: { date: '2021-03', precision: 'month' },
          type: 'summons',
          targets: [{ personId: id, category: 'civil_activist' }],
        });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('person_erased');
      expect(again.body.detail).toMatch(/targets\.0\.personId names a person erased on \d{4}-/);
      expect(again.text).not.toContain(person.name);
      const unrelated = await http()
        .post('/incidents')
        .set(auth())
        .send({
          title: 'Search of the office',
          country: 'KZ',
          occurred: { date: '2021-04', precision: 'month' },
          type: 'detention',
        })
        .expect(201);
      const added = await http()
        .post(`/incidents/${unrelated.body.id}/targets`)
        .set(auth())
        .send({ personId: id, category: 'civil_activist' });
      expect(added.status).toBe(409);
      expect(added.body.code).toBe('person_erased');
      expect(added.body.detail).toMatch(/^target\.personId names a person erased on \d{4}-/);
    });
  });

  describe('merging a duplicate person', () => {
    // A workspace of its own, so that its figures are these persons' alone.
    let w: { Authorization: string };
    let kept: string;
    let duplicate: string;
    let before: string;
    const send = (path: string, body: object) => http().post(path).set(w).send(body);
    const read = (id: string) => http().get(`/persons/${id}`).set(w);
    /** What GET /persons says each is merged into, as of a command's position. */
    const listed = async (after: string) => {
      const { body } = await http().get('/persons').query({ after }).set(w).expect(200);
      const by = new Map<string, unknown>(
        body.items.map((p: { id: string; mergedInto: unknown }) => [p.id, p.mergedInto]),
      );
      return { kept: by.get(kept), duplicate: by.get(duplicate) };
    };
    const persons = async (query: Record<string, string>) =>
      (
        await http()
          .get('/stats')
          .query({ measure: 'persons', ...query })
          .set(w)
          .expect(200)
      ).body.total;
    const incident = async (personIds: string[]) =>
      (
        await send('/incidents', {
          title: 'Detention after a post',
          country: 'KZ',
          occurred: { date: '2021-05', precision: 'month' },
          type: 'detention',
          targets: personIds.map((personId) => ({ personId })),
        }).expect(201)
      ).body.position;

    beforeAll(async () => {
      w = { Authorization: `Bearer ${await tokenInNewWorkspace(t.app)}` };
      const register = async (name: string) =>
        (await send('/persons', { name, category: 'civil_activist' }).expect(201)).body.id;
      kept = await register('Дулат Агадил');
      duplicate = await register('Dulat Agadil');
      await incident([kept]);
      await incident([duplicate]);
      before = await incident([kept, duplicate]);
    });

    it('counts the human once after the merge, twice as of before it, and again after the undo', async () => {
      expect(await persons({ after: before })).toBe(2);
      const snapshot = (await send(`/snapshots?after=${before}`, { name: 'Before the merge' })).body
        .id;

      const merged = await send(`/persons/${duplicate}/merge`, {
        into: kept,
        reason: 'Same person: Cyrillic in the API, Latin in the sheet',
      }).expect(201);
      expect((await read(duplicate)).body.mergedInto).toBe(kept);
      expect((await read(kept)).body.mergedInto).toBeUndefined();
      expect(await listed(merged.body.position)).toEqual({ kept: null, duplicate: kept });
      expect(await persons({ after: merged.body.position })).toBe(1);
      // Acts and incidents are not persons: a merge changes neither.
      const acts = await http().get('/stats').query({ measure: 'acts' }).set(w).expect(200);
      expect(acts.body.total).toBe(4);
      expect(await persons({ asOf: before })).toBe(2);
      expect(await persons({ asOf: `snapshot:${snapshot}` })).toBe(2);

      const undone = await send(`/persons/${duplicate}/unmerge`, {
        reason: 'Different birth years after all',
      }).expect(201);
      expect((await read(duplicate)).body.mergedInto).toBeUndefined();
      expect(await listed(undone.body.position)).toEqual({ kept: null, duplicate: null });
      expect(await persons({ after: undone.body.position })).toBe(2);
      expect(await persons({ asOf: merged.body.position })).toBe(1);

      // The log keeps both, with their reasons; the audit names who did them.
      const sql = t.app.get<SqlClient>(SQL_CLIENT);
      const { rows } = await sql.query(
        `SELECT event_type, data FROM es_events WHERE stream_id = $1
          AND event_type LIKE 'PersonMerge%' ORDER BY stream_version`,
        [`person-${duplicate}`],
      );
      expect(rows).toEqual([
        {
          event_type: 'PersonMerged',
          data: { into: kept, reason: 'Same person: Cyrillic in the API, Latin in the sheet' },
        },
        {
          event_type: 'PersonMergeUndone',
          data: { into: kept, reason: 'Different birth years after all' },
        },
      ]);
      const audit = await http().get('/audit').set(w).expect(200);
      const actions = audit.body.entries
        .filter((e: { targetId: string }) => e.targetId === duplicate)
        .map((e: { action: string }) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['POST /persons/:id/merge', 'POST /persons/:id/unmerge']),
      );
    });

    it('refuses what would count a human wrongly: 409 naming the person to use', async () => {
      await send(`/persons/${duplicate}/merge`, { into: kept, reason: 'same' }).expect(201);
      const expect409 = async (response: request.Response, code: string, detail?: RegExp) => {
        expect(response.status).toBe(409);
        expect(response.headers['content-type']).toMatch(kinds.PROBLEM);
        expect(response.body.code).toBe(code);
        if (detail) expect(response.body.detail).toMatch(detail);
      };
      const third = (await send('/persons', { name: 'Dulat Agadyl' }).expect(201)).body.id;
      await expect409(
        await send(`/persons/${duplicate}/merge`, { into: third, reason: 'again' }),
        'person_merged',
      );
      await expect409(
        await send(`/persons/${third}/merge`, { into: duplicate, reason: 'chain' }),
        'merge_target_merged',
        new RegExp(`merge into ${kept} instead`),
      );
      await expect409(
        await send(`/persons/${kept}/merge`, { into: third, reason: 'kept has duplicates' }),
        'person_has_merged_duplicates',
        new RegExp(duplicate),
      );
      await expect409(
        await send(`/persons/${kept}/merge`, { into: duplicate, reason: 'cycle' }),
        'person_merged',
      );
      // A new act names the person kept, not the merged record.
      const again = await send('/incidents', {
        title: 'Fine for a post',
        country: 'KZ',
        occurred: { date: '2021-06', precision: 'month' },
        type: 'detention',
        targets: [{ personId: duplicate }],
      });
      await expect409(
        again,
        'person_merged',
        new RegExp(`targets\\.0\\.personId names a person merged into ${kept}`),
      );
      // Erasing the person kept would leave the same human's name in the duplicate.
      await expect409(
        await send(`/persons/${kept}/erasure`, { reason: 'Request of the person' }),
        'person_has_merged_duplicates',
      );
      await send(`/persons/${third}/unmerge`, { reason: 'not merged' }).then((r) =>
        expect409(r, 'person_not_merged'),
      );
      const erased = (await send('/persons', { name: 'Erased Person' }).expect(201)).body.id;
      await send(`/persons/${erased}/erasure`, { reason: 'asked' }).expect(201);
      await expect409(
        await send(`/persons/${third}/merge`, { into: erased, reason: 'x' }),
        'person_erased',
      );
      // Once the duplicate is erased too, the person kept may be.
      await send(`/persons/${duplicate}/erasure`, { reason: 'Request of the person' }).expect(201);
      await send(`/persons/${kept}/erasure`, { reason: 'Request of the person' }).expect(201);
    });

    it('answers 404 for persons of another workspace or none, 400 naming the field', async () => {
      const a = (await send('/persons', { name: 'Aigul A.' }).expect(201)).body.id;
      const elsewhere = (await register({ name: 'Aigul A.' }).expect(201)).body.id;
      await send(`/persons/${a}/merge`, { into: elsewhere, reason: 'x' }).expect(404);
      await send(`/persons/${a}/merge`, { into: randomUUID(), reason: 'x' }).expect(404);
      await http()
        .post(`/persons/${a}/merge`)
        .set(auth())
        .send({ into: elsewhere, reason: 'x' })
        .expect(404);
      await send(`/persons/${randomUUID()}/unmerge`, { reason: 'x' }).expect(404);
      const fields = async (path: string, body: object) => [
        ...new Set(
          (await send(path, body).expect(400)).body.errors.map((e: { field: string }) => e.field),
        ),
      ];
      expect(await fields(`/persons/${a}/merge`, { into: a, reason: 'self' })).toEqual(['into']);
      expect(await fields(`/persons/${a}/merge`, { into: 'nobody', reason: ' ' })).toEqual(
        expect.arrayContaining(['into', 'reason']),
      );
      expect(await fields(`/persons/${a}/unmerge`, {})).toEqual(['reason']);
    });
  });

  it('documents every endpoint in OpenAPI, with an example for every request field', async () => {
    const gaps = await openApiGaps(t.app, [
      ...kinds.targetOperations('/persons'),
      ...['erasure', 'merge', 'unmerge'].map((action) => ({
        path: `/persons/{id}/${action}`,
        method: 'post',
        statuses: ['201', '400', '401', '403', '404', '409', '422'],
      })),
    ]);
    expect(gaps).toEqual([]);
  });
});
