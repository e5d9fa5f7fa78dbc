import request from 'supertest';
import { Row, sheetCsv } from '../import/monitoring-sheet';
import { Dataset, PlannedIncident } from './kadyr-kasiyet-2020.dataset';

type Server = Parameters<typeof request>[0];

const date = (incident: PlannedIncident) =>
  `2020-${String(incident.month).padStart(2, '0')}-${String(incident.day).padStart(2, '0')}`;

/** How monitors write a case: the first person is named in the free text of every field. */
export function caseTexts(dataset: Dataset, incident: PlannedIncident) {
  const first = dataset.persons[incident.persons[0]].name;
  return {
    first,
    title: `${first} detained after the rally`,
    description: `${first} was taken to the police station; relatives informed.`,
    place: `Home of ${first}, Almaty`,
    tag: first.replace(/ /g, '-').toLowerCase(),
    unit: `Officer who met ${first}`,
    source: `Interview with ${first}`,
  };
}

/** The year as a monitoring sheet: one row per act, the rows of a case sharing its ref. */
export function kadyrKasiyet2020Sheet(dataset: Dataset): Buffer {
  const rows = dataset.incidents.flatMap((incident, i) => {
    const text = caseTexts(dataset, incident);
    return incident.persons.map((p): Row => ({
      incident_ref: `KK-2020-${i}`,
      date: date(incident),
      precision: 'day',
      country: 'KZ',
      region: 'KZ-75',
      place: text.place,
      type: incident.type,
      title: text.title,
      description: text.description,
      target_kind: 'person',
      target_name: dataset.persons[p].name,
      target_category: dataset.persons[p].category,
      source_main: incident.mainSource,
      sources_secondary: '',
      rights: incident.right,
      legal_article: '',
      source_title: text.source,
      source_url: '',
      tags: text.tag,
    }));
  });
  return sheetCsv(rows);
}

/**
 * Uploads the year as a sheet (POST /imports, the batch path a monitor takes with a year of
 * records) and waits for the import job; fails on any refused row.
 */
export async function uploadKadyrKasiyet2020(
  server: Server,
  auth: { Authorization: string },
  dataset: Dataset,
): Promise<void> {
  const started = await request(server)
    .post('/imports')
    .set(auth)
    .attach('file', kadyrKasiyet2020Sheet(dataset), 'kadyr-kasiyet-2020.csv')
    .expect(202);
  for (let i = 0; i < 1200; i++) {
    const { body } = await request(server).get(`/jobs/${started.body.jobId}`).set(auth).expect(200);
    if (body.state === 'failed' || (body.state === 'completed' && body.errors.length > 0)) {
      throw new Error(`import: ${JSON.stringify(body).slice(0, 500)}`);
    }
    if (body.state === 'completed') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish within 120 s');
}

/**
 * The cases as a monitor posts them, one POST /incidents each: people met before are referred
 * to by id, new ones registered inline (their ids learnt from the answer). Returns the last
 * position, for read-your-writes.
 */
export async function postCases(
  server: Server,
  auth: { Authorization: string },
  dataset: Dataset,
  cases: readonly PlannedIncident[],
): Promise<string> {
  const personIds = new Map<number, string>();
  let lastPosition = '';
  for (const [i, incident] of cases.entries()) {
    const text = caseTexts(dataset, incident);
    const res = await request(server)
      .post('/incidents')
      .set(auth)
      .set('Idempotency-Key', `kk-2020-${i}`)
      .send({
        title: text.title,
        description: text.description,
        country: 'KZ',
        region: 'KZ-75',
        place: text.place,
        occurred: { date: date(incident), precision: 'day' },
        type: incident.type,
        rights: [incident.right],
        tags: [text.tag],
        perpetrators: [{ source: incident.mainSource, role: 'main', unit: text.unit }],
        sources: [{ title: text.source }],
        targets: incident.persons.map((p) => {
          const known = personIds.get(p);
          const { category, name } = dataset.persons[p];
          return known ? { personId: known, category } : { person: { name }, category };
        }),
      });
    if (res.status !== 201) throw new Error(`case ${i}: ${res.status} ${JSON.stringify(res.body)}`);
    lastPosition = res.body.position;
    if (incident.persons.some((p) => !personIds.has(p))) {
      const read = await request(server).get(`/incidents/${res.body.id}`).set(auth).expect(200);
      incident.persons.forEach((p, k) => personIds.set(p, read.body.targets[k].personId));
    }
  }
  return lastPosition;
}
