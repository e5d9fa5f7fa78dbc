import request from 'supertest';
import { LANGS, VOCABULARIES } from '@app/domain';
import { openApiGaps } from '../../../../../test/support/openapi-document';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

const PROBLEM = /^application\/problem\+json/;
const CYRILLIC = /[\u0400-\u04FF]/;

interface Vocabulary {
  name: string;
  version: string;
  terms: { code: string; label: string }[];
}

describe('GET /vocabularies', () => {
  let t: TestApp;
  const get = (query: string) => request(t.server).get(`/vocabularies${query}`).set(t.auth);

  beforeAll(async () => {
    t = await startTestApp('postgres');
  });

  afterAll(() => t?.close());

  it('labels every vocabulary in Russian with lang=ru', async () => {
    const response = await get('?lang=ru');
    expect(response.status).toBe(200);
    const vocabularies = response.body as Vocabulary[];
    expect(vocabularies.map((v) => v.name).sort()).toEqual(Object.keys(VOCABULARIES).sort());
    const categories = vocabularies.find((v) => v.name === 'target_category')!;
    expect(categories.terms.find((t) => t.code === 'civil_activist')?.label).toBe(
      'Гражданский активист',
    );
    expect(categories.terms.every((t) => CYRILLIC.test(t.label))).toBe(true);
  });

  it('labels in English by default', async () => {
    const response = await get('?name=target_category');
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(1);
    expect(response.body[0]).toMatchObject({
      name: 'target_category',
      version: expect.stringMatching(/^\d{4}\.\d+$/),
    });
    expect(response.body[0].terms[0]).toMatchObject({
      code: 'human_rights_defender',
      label: 'Human rights defender',
      targetKind: 'person',
    });
  });

  it.each(LANGS)('answers in %s', async (lang) => {
    const response = await get(`?lang=${lang}&name=correction_reason`);
    expect(response.status).toBe(200);
    expect(response.body[0].terms.map((t: { code: string }) => t.code)).toEqual([
      'typo',
      'new_evidence',
      'source_retracted',
      'reclassified',
    ]);
  });

  it('answers 400 naming lang, with the allowed languages, for lang=xx', async () => {
    const response = await get('?lang=xx');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.errors).toEqual([
      { field: 'lang', message: expect.any(String), allowed: ['en', 'ru', 'kk', 'ky', 'tg'] },
    ]);
  });

  it('answers 400 naming name, with the allowed names, for an unknown vocabulary', async () => {
    const response = await get('?name=colours');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field: 'name',
        message: expect.any(String),
        allowed: expect.arrayContaining(['target_category', 'incident_type']),
      },
    ]);
  });

  it('answers 400 for an unknown query parameter', async () => {
    const response = await get('?language=ru');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'language', message: expect.stringContaining('should not exist') },
    ]);
  });

  it('requires a token', async () => {
    const response = await request(t.server).get('/vocabularies?lang=ru');
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(PROBLEM);
  });

  it('is documented in OpenAPI, with examples for its parameters', async () => {
    expect(
      await openApiGaps(t.app, [
        { path: '/vocabularies', method: 'get', statuses: ['200', '400', '401'] },
      ]),
    ).toEqual([]);
  });

  it('finds settlements by name for a location (GET /places), and names a bad query', async () => {
    const found = await request(t.server).get('/places?q=Хор&country=TJ').set(t.auth).expect(200);
    expect(found.body.places[0]).toMatchObject({
      name: 'Khorugh',
      country: 'TJ',
      latitude: 37.48974,
      longitude: 71.55304,
      precision: 'settlement',
    });
    expect(found.body.attribution).toMatch(/GeoNames/);
    for (const [query, field] of [
      ['q=x', 'q'],
      ['q=osh&country=XX', 'country'],
      ['', 'q'],
    ]) {
      const bad = await request(t.server).get(`/places?${query}`).set(t.auth).expect(400);
      expect(bad.headers['content-type']).toMatch(PROBLEM);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});
