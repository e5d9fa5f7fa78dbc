import request from 'supertest';
import { kadyrKasiyet2020 } from './kadyr-kasiyet-2020.dataset';

type Server = Parameters<typeof request>[0];

/**
 * Records the Kadyr-Kasiyet 2020 year as a monitor would, one POST /incidents per case; a
 * person met again is referred to by id. Returns the last position (for read-your-writes) and
 * the ids of the persons registered inline.
 */
export async function recordKadyrKasiyet2020(
  server: Server,
  auth: { Authorization: string },
): Promise<{ lastPosition: string; personIds: Map<number, string> }> {
  const { persons, incidents } = kadyrKasiyet2020();
  const personIds = new Map<number, string>();
  let lastPosition = '';
  for (const [i, incident] of incidents.entries()) {
    const date = `2020-${String(incident.month).padStart(2, '0')}-${String(incident.day).padStart(2, '0')}`;
    const res = await request(server)
      .post('/incidents')
      .set(auth)
      .set('Idempotency-Key', `kk-2020-${i}`)
      .send({
        title: `Monitoring case ${i + 1}`,
        country: 'KZ',
        occurred: { date, precision: 'day' },
        type: incident.type,
        rights: [incident.right],
        perpetrators: [{ source: incident.mainSource, role: 'main' }],
        targets: incident.persons.map((p) => {
          const known = personIds.get(p);
          const { category, name } = persons[p];
          return known ? { personId: known, category } : { person: { name }, category };
        }),
      });
    if (res.status !== 201) throw new Error(`case ${i}: ${res.status} ${JSON.stringify(res.body)}`);
    lastPosition = res.body.position;
    // Learn the ids of people registered inline, to refer to them next time.
    const unknown = incident.persons.filter((p) => !personIds.has(p));
    if (unknown.length > 0) {
      const read = await request(server).get(`/incidents/${res.body.id}`).set(auth).expect(200);
      incident.persons.forEach((p, k) => personIds.set(p, read.body.targets[k].personId));
    }
  }
  return { lastPosition, personIds };
}
