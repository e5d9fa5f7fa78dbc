import { SqlExecutor } from '@app/database';
import { encodePosition } from '@app/event-store';

/**
 * Incidents of two acts each, straight into the read model's tables as the projection writes
 * them, known from the first position: what the case-level export reads, at a size no HTTP or
 * event seeding reaches in a test's time (100,000 acts in a few seconds). They have no
 * streams, so only reads of the read model see them. An export reads where the projection
 * stands: record something first, so that it stands past the first position.
 */
export async function seedCaseActs(
  sql: SqlExecutor,
  workspaceId: string,
  acts: number,
): Promise<void> {
  const incidents = Math.ceil(acts / 2);
  const position = encodePosition(1);
  const id = (what: string) => `md5('${workspaceId}' || '${what}' || g)::uuid`;
  const act = (n: number) =>
    `jsonb_build_object('actId', ${id(`a${n}`)}, 'kind', 'person', 'targetId', ${id(`t${n}`)}, 'category', 'journalist')`;
  await sql.query(
    `INSERT INTO rm_incidents (incident_id, workspace_id, version, status, verified, title, country,
       region, type, family, occurred_date, occurred_precision, month, year, rights,
       legal_articles, tags, main_sources, secondary_sources, target_categories, target_count,
       state, reported_at, updated_at, last_position)
     SELECT ${id('i')}, $1, 1, 'recorded', false, 'Incident ' || g, 'KZ', 'KZ-75', 'detention',
       'liberty_and_justice', '2020-02', 'month', '2020-02', 2020, ARRAY['freedom_of_expression'],
       ARRAY['KZ Criminal Code|174'], ARRAY[]::text[], ARRAY['police'], ARRAY[]::text[],
       ARRAY['journalist'], 2,
       jsonb_build_object('status', 'recorded', 'incidentId', ${id('i')}, 'verified', false,
         'facts', jsonb_build_object('title', 'Incident ' || g, 'description', repeat('A description of what happened. ', 10),
           'country', 'KZ', 'region', 'KZ-75', 'occurred', jsonb_build_object('date', '2020-02', 'precision', 'month'),
           'type', 'detention', 'rights', jsonb_build_array('freedom_of_expression'),
           'legalBasis', jsonb_build_array(jsonb_build_object('instrument', 'KZ Criminal Code', 'article', '174')),
           'tags', jsonb_build_array()),
         'acts', jsonb_build_array(${act(1)}, ${act(2)}),
         'perpetrators', jsonb_build_array(jsonb_build_object('perpetratorId', ${id('p')}, 'source', 'police', 'role', 'main')),
         'sources', jsonb_build_array(jsonb_build_object('sourceId', ${id('s')}, 'title', 'Source ' || g, 'url', 'https://example.org/' || g)),
         'outcomes', jsonb_build_array()),
       now(), now(), $2
     FROM generate_series(1, $3::int) g`,
    [workspaceId, position, incidents],
  );
  for (const n of [1, 2]) {
    await sql.query(
      `INSERT INTO rm_acts (workspace_id, incident_id, known_from_at, year, current, incident_row,
         act_id, target_id, target_kind, target_category, country, region, type, family, month,
         quarter, verification_status, main_sources, secondary_sources, rights, legal_articles,
         tags, known_from)
       SELECT $1, ${id('i')}, now(), 2020, true, ${n === 1}, ${id(`a${n}`)}, ${id(`t${n}`)},
         'person', 'journalist', 'KZ', 'KZ-75', 'detention', 'liberty_and_justice', '2020-02',
         '2020-Q1', 'unverified', ARRAY['police'], ARRAY[]::text[], ARRAY['freedom_of_expression'],
         ARRAY['KZ Criminal Code|174'], ARRAY[]::text[], $2
       FROM generate_series(1, $3::int) g`,
      [workspaceId, position, incidents],
    );
  }
  await sql.query('ANALYZE');
}
