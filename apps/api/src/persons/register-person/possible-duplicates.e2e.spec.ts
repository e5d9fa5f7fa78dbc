import request from 'supertest';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';
import { createTestWorkspace, TestWorkspace } from '../../../../../test/support/workspaces';

describe('Duplicates caught where they are made (pglite)', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  beforeAll(async () => {
    t = await startTestApp('postgres');
    ws = await createTestWorkspace(t.server, 'Duplicates NGO', ['monitor']);
  }, 120_000);
  afterAll(async () => t?.close());

  const post = (path: string, body: object) =>
    request(t.server)
      .post(path)
      .set({ Authorization: `Bearer ${ws.tokens.monitor}` })
      .send(body);

  it('reports the person typed again, in another script, with the id and why', async () => {
    const first = await post('/persons', {
      name: 'Дулат Агадил',
      label: 'P-AGADIL',
      category: 'civil_activist',
    }).expect(201);
    expect(first.body.possibleDuplicates).toEqual([]);

    const again = await post('/persons', { name: 'Dulat Agadil' }).expect(201);
    expect(again.body.possibleDuplicates).toEqual([
      { id: first.body.id, label: 'P-AGADIL', reason: 'same_name' },
    ]);
    expect(JSON.stringify(again.body)).not.toContain('Агадил');

    const longer = await post('/persons', { name: 'Dulat Agadil Serikovich' }).expect(201);
    expect(longer.body.possibleDuplicates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: first.body.id, reason: 'name_parts_match' }),
      ]),
    );
    // A different person with a name that merely begins the same is no duplicate.
    const other = await post('/persons', { name: 'Дулат Агадилов' }).expect(201);
    expect(other.body.possibleDuplicates).toEqual([]);

    const incident = await post('/incidents', {
      title: 'Detention of an activist',
      country: 'KZ',
      occurred: { date: '2020-02', precision: 'month' },
      type: 'detention',
      targets: [{ person: { name: 'Agadil Dulat' }, category: 'civil_activist' }],
    }).expect(201);
    expect(incident.body.possibleDuplicates).toEqual([
      {
        field: 'targets.0',
        id: expect.any(String),
        candidates: expect.arrayContaining([
          { id: first.body.id, label: 'P-AGADIL', reason: 'same_name' },
          { id: again.body.id, label: expect.any(String), reason: 'same_name' },
        ]),
      },
    ]);
  });
});
