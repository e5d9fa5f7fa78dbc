import {
  Dataset,
  incidentRequest,
  keys,
  outcomeRequest,
  readDataset,
  referenceFigureRequest,
} from './retreating-rights.dataset';

/** The HTTP API as the loader uses it: JSON in, JSON out. */
export interface ApiClient {
  send(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<{ status: number; body: unknown }>;
}

export function httpClient(baseUrl: string, token: string): ApiClient {
  return {
    async send(method, path, body, idempotencyKey) {
      const response = await fetch(new URL(path, baseUrl), {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
          ...(idempotencyKey !== undefined && { 'Idempotency-Key': idempotencyKey }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

export interface LoadSummary {
  persons: number;
  organisations: number;
  incidents: number;
  outcomes: number;
  referenceFigures: number;
  /** Rows of §4A kept as context and not loaded. */
  context: number;
  /** The position of the last write: `after=<it>` makes a query wait until it is counted. */
  lastPosition: string;
}

/**
 * Loads the dataset through the HTTP API, as a monitor would: persons and organisations
 * first (POST /persons, /organisations), then incidents referring to them, their outcomes,
 * and the reference figures. Every request carries an Idempotency-Key derived from its
 * record's id, so loading again records nothing new.
 */
export async function loadRetreatingRights(
  api: ApiClient,
  dataset: Dataset = readDataset(),
): Promise<LoadSummary> {
  const allPersons = dataset.countries.flatMap((c) => c.persons);
  const ids = new Map<string, string>();
  const summary: LoadSummary = {
    persons: 0,
    organisations: 0,
    incidents: 0,
    outcomes: 0,
    referenceFigures: 0,
    context: 0,
    lastPosition: '',
  };
  const post = async (what: string, path: string, body: unknown, key: string) => {
    const { status, body: answer } = await api.send('POST', path, body, key);
    if (status !== 201 && status !== 200) {
      // Problem details name fields and codes, never the submitted values.
      throw new Error(`${what}: ${path} answered ${status} ${JSON.stringify(answer)}`);
    }
    const result = answer as { id: string; position: string };
    if (result.position > summary.lastPosition) summary.lastPosition = result.position;
    return result;
  };

  for (const country of dataset.countries) {
    for (const p of country.persons) {
      const { name, category, country: c } = p;
      const { id } = await post(
        p.id,
        '/persons',
        { name, category, country: c },
        keys.person(p.id),
      );
      ids.set(p.id, id);
      for (const [i, alias] of (p.aliases ?? []).entries()) {
        await post(p.id, `/persons/${id}/aliases`, { alias }, keys.alias(p.id, i));
      }
      summary.persons++;
    }
    for (const o of country.organisations) {
      const { name, category, country: c, aliases } = o;
      const body = { name, category, country: c, ...(aliases && { aliases }) };
      const { id } = await post(o.id, '/organisations', body, keys.organisation(o.id));
      ids.set(o.id, id);
      summary.organisations++;
    }
  }

  for (const country of dataset.countries) {
    for (const record of country.incidents) {
      const body = incidentRequest(record, country, ids, allPersons);
      const { id } = await post(record.id, '/incidents', body, keys.incident(record.id));
      summary.incidents++;
      const outcomes = record.outcomes ?? [];
      const acts = outcomes.some((o) => o.target !== undefined)
        ? await actsOf(api, id)
        : new Map<string, string>();
      for (const [i, outcome] of outcomes.entries()) {
        const actId = outcome.target !== undefined ? acts.get(ids.get(outcome.target)!) : undefined;
        await post(
          record.id,
          `/incidents/${id}/outcomes`,
          { ...outcomeRequest(outcome, allPersons), ...(actId && { actId }) },
          keys.outcome(record.id, i),
        );
        summary.outcomes++;
      }
    }
    summary.context += country.context.length;
  }

  for (const figure of dataset.referenceFigures) {
    await post(
      figure.id,
      '/reference-figures',
      referenceFigureRequest(figure, allPersons),
      keys.figure(figure.id),
    );
    summary.referenceFigures++;
  }
  return summary;
}

/** Act ids by target id, from GET /incidents/:id. */
async function actsOf(api: ApiClient, incidentId: string): Promise<Map<string, string>> {
  const { status, body } = await api.send('GET', `/incidents/${incidentId}`);
  if (status !== 200) throw new Error(`GET /incidents/${incidentId} answered ${status}`);
  const targets = (body as { targets: Record<string, string>[] }).targets;
  return new Map(targets.map((t) => [t.personId ?? t.organisationId, t.actId]));
}
