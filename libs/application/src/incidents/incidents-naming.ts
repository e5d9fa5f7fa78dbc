import { SqlExecutor } from '@app/database';
import { nameTokens } from '@app/domain/names';

/**
 * The incidents of a workspace whose free text (title, description, place, tags, source
 * titles, as the read model holds them now) holds every part of one of these names, folded as
 * the name index folds them (any script, transliteration, case or order). An erasure lists
 * them, before the name is gone, for an admin to redact: a name typed into free text is not
 * the person's record, and no key of hers covers it. Ids only: the text is never returned.
 */
export async function incidentsNaming(
  sql: SqlExecutor,
  workspaceId: string,
  names: readonly string[],
): Promise<string[]> {
  const wanted = names.map(nameTokens).filter((tokens) => tokens.length > 0);
  if (wanted.length === 0) return [];
  const { rows } = await sql.query<{ id: string; text: string }>(
    `SELECT incident_id::text AS id,
            concat_ws(' ', title, array_to_string(tags, ' '), state #>> '{facts,description}',
                      state #>> '{facts,place}',
                      (SELECT string_agg(s ->> 'title', ' ')
                         FROM jsonb_array_elements(state -> 'sources') AS s)) AS text
       FROM rm_incidents WHERE workspace_id = $1 ORDER BY incident_id`,
    [workspaceId],
  );
  return rows
    .filter(({ text }) => {
      const present = new Set(nameTokens(text));
      return wanted.some((tokens) => tokens.every((t) => present.has(t)));
    })
    .map((r) => r.id);
}
