import request from 'supertest';
import { Role } from '@app/auth';
import { startTestApp, TEST_ADMIN_TOKEN, TestApp } from '../support/test-app';
import { createTestWorkspace, TestWorkspace } from '../support/workspaces';

/**
 * Acceptance (issue 6): every endpoint of the OpenAPI document × every caller × its own and
 * another workspace → the expected status. A route missing from TABLE fails the test, so a new
 * endpoint cannot ship without saying who may call it.
 */

type Caller = 'deployment' | Role;
const CALLERS: readonly Caller[] = [
  'deployment',
  'admin',
  'monitor',
  'verifier',
  'analyst',
  'public',
];
const ADMINS: readonly Caller[] = ['deployment', 'admin'];
const WRITERS: readonly Caller[] = [...ADMINS, 'monitor'];
const VERIFIERS: readonly Caller[] = [...ADMINS, 'verifier'];
const READERS: readonly Caller[] = [...ADMINS, 'monitor', 'verifier', 'analyst'];
const FULL_READERS: readonly Caller[] = [...ADMINS, 'monitor', 'verifier'];
const EVERYONE = CALLERS;

/** The records of one workspace that paths point at, and how to make fresh ones. */
interface Fixture {
  workspaceId: string;
  admin: string;
  incidentId: string;
  personId: string;
  organisationId: string;
  snapshotId: string;
  secondSnapshotId: string;
  exportJobId: string;
  exportFile: string;
  evidenceId: string;
  /** A new incident, for requests that change its state for good (verify, retract, merge). */
  freshIncident(): Promise<string>;
  freshDuplicate(): Promise<string>;
  freshTokenId(): Promise<string>;
  freshPerson(): Promise<string>;
  freshEvidence(): Promise<string>;
}

interface Call {
  path: string;
  body?: object;
  /** A multipart upload instead of a JSON body. */
  upload?: { field: string; name: string; content: Buffer; fields: Record<string, string> };
}

interface Row {
  /** Who may call it; 'anonymous' routes need no token at all. */
  allowed: readonly Caller[] | 'anonymous';
  /** The status of an allowed caller in its own workspace. */
  ok: number;
  /** The path names a record of a workspace: another workspace's answers 404. */
  scoped: boolean;
  /** `f`: the workspace the path points at; `home`: the caller's (they differ for 'other'). */
  call(f: Fixture, home: Fixture): Call | Promise<Call>;
}

let serial = 0;
/** A value no earlier call sent: a repeated correction or alias would be refused as a no-op. */
const unique = (text: string) => `${text} ${(serial += 1)}`;
const TEMPLATE_CSV = { value: Buffer.alloc(0) };

/** A small PDF, different each time (a file already kept would be the same evidence). */
const evidencePdf = () => ({
  field: 'file',
  name: 'decision.pdf',
  content: Buffer.from(`%PDF-1.4\n% ${unique('evidence')}\n%%EOF\n`),
  fields: {},
});

const report = (title: string, name: string) => ({
  title,
  country: 'KZ',
  occurred: { date: '2020-02', precision: 'month' },
  type: 'detention',
  targets: [{ person: { name }, category: 'civil_activist' }],
});

const TABLE: Record<string, Row> = {
  'GET /health': {
    allowed: 'anonymous',
    ok: 200,
    scoped: false,
    call: () => ({ path: '/health' }),
  },
  'GET /me': { allowed: EVERYONE, ok: 200, scoped: false, call: () => ({ path: '/me' }) },
  'GET /vocabularies': {
    allowed: EVERYONE,
    ok: 200,
    scoped: false,
    call: () => ({ path: '/vocabularies' }),
  },
  'GET /stats': {
    allowed: EVERYONE,
    ok: 200,
    scoped: false,
    call: () => ({ path: '/stats?measure=incidents' }),
  },
  'GET /public/stats': {
    allowed: 'anonymous',
    ok: 200,
    scoped: false,
    call: (f) => ({ path: `/public/stats?workspace=${f.workspaceId}&measure=incidents` }),
  },
  'PUT /workspaces/{id}/public': {
    allowed: ADMINS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/workspaces/${f.workspaceId}/public`, body: { enabled: true } }),
  },
  'GET /stats/lag': {
    allowed: EVERYONE,
    ok: 200,
    scoped: false,
    call: () => ({ path: '/stats/lag' }),
  },
  'GET /projections': {
    allowed: READERS,
    ok: 200,
    scoped: false,
    call: () => ({ path: '/projections' }),
  },
  'POST /projections/{name}/rebuild': {
    allowed: ['deployment'],
    ok: 202,
    scoped: false,
    call: () => ({ path: '/projections/incident-facts/rebuild' }),
  },

  'POST /incidents': {
    allowed: WRITERS,
    ok: 201,
    scoped: false,
    call: () => ({ path: '/incidents', body: report('Matrix detention', 'Matrix Person') }),
  },
  'GET /incidents': {
    allowed: READERS,
    ok: 200,
    scoped: false,
    call: () => ({ path: '/incidents' }),
  },
  'GET /incidents/{id}': {
    allowed: READERS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/incidents/${f.incidentId}` }),
  },
  'POST /incidents/{id}/evidence': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    call: (f) => ({ path: `/incidents/${f.incidentId}/evidence`, upload: evidencePdf() }),
  },
  'GET /incidents/{id}/evidence': {
    allowed: FULL_READERS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/incidents/${f.incidentId}/evidence` }),
  },
  'GET /incidents/{id}/evidence/{evidenceId}': {
    allowed: FULL_READERS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/incidents/${f.incidentId}/evidence/${f.evidenceId}` }),
  },
  'POST /incidents/{id}/evidence/{evidenceId}/removal': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    call: async (f) => ({
      path: `/incidents/${f.incidentId}/evidence/${await f.freshEvidence()}/removal`,
      body: { reason: 'Uploaded to the wrong incident' },
    }),
  },
  'GET /incidents/{id}/history': {
    allowed: FULL_READERS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/incidents/${f.incidentId}/history` }),
  },
  'POST /incidents/{id}/corrections': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    call: (f) => ({
      path: `/incidents/${f.incidentId}/corrections`,
      body: { field: 'place', value: unique('Almaty'), reason: 'new_evidence' },
    }),
  },
  'POST /incidents/{id}/targets': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    // The caller's own person, so only the incident's workspace decides.
    call: async (f, home) => ({
      path: `/incidents/${f.incidentId}/targets`,
      body: { personId: await home.freshPerson(), category: 'journalist' },
    }),
  },
  'POST /incidents/{id}/perpetrators': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    call: (f) => ({
      path: `/incidents/${f.incidentId}/perpetrators`,
      body: { source: 'court', role: 'secondary' },
    }),
  },
  'POST /incidents/{id}/sources': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    call: (f) => ({
      path: `/incidents/${f.incidentId}/sources`,
      body: {
        title: 'Court record',
        url: `https://example.org/record/${unique('r').replace(' ', '')}`,
      },
    }),
  },
  'POST /incidents/{id}/outcomes': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    call: (f) => ({
      path: `/incidents/${f.incidentId}/outcomes`,
      body: { type: 'released', date: '2020-03-02' },
    }),
  },
  'POST /incidents/{id}/verification': {
    allowed: VERIFIERS,
    ok: 201,
    scoped: true,
    call: async (f) => ({
      path: `/incidents/${await f.freshIncident()}/verification`,
      body: { overrideReason: 'Court record seen by the verifier' },
    }),
  },
  'POST /incidents/{id}/retraction': {
    allowed: VERIFIERS,
    ok: 201,
    scoped: true,
    call: async (f) => ({
      path: `/incidents/${await f.freshIncident()}/retraction`,
      body: { reason: 'duplicate_entry' },
    }),
  },
  'POST /incidents/{id}/duplicate-of': {
    allowed: VERIFIERS,
    ok: 201,
    scoped: true,
    call: async (f, home) => ({
      path: `/incidents/${await f.freshIncident()}/duplicate-of`,
      body: { duplicateOf: home.incidentId },
    }),
  },
  'DELETE /incidents/{id}/duplicate-of': {
    allowed: VERIFIERS,
    ok: 201,
    scoped: true,
    call: async (f) => ({ path: `/incidents/${await f.freshDuplicate()}/duplicate-of` }),
  },

  'POST /persons': {
    allowed: WRITERS,
    ok: 201,
    scoped: false,
    call: () => ({ path: '/persons', body: { name: 'Matrix Registered Person' } }),
  },
  'GET /persons/{id}': {
    allowed: READERS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/persons/${f.personId}` }),
  },
  'POST /persons/{id}/amendments': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    call: (f) => ({
      path: `/persons/${f.personId}/amendments`,
      body: { field: 'notes', value: unique('Seen at the trial'), reason: 'new_evidence' },
    }),
  },
  'POST /persons/{id}/aliases': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    call: (f) => ({
      path: `/persons/${f.personId}/aliases`,
      body: { alias: unique('Matrix Alias') },
    }),
  },
  'GET /persons': { allowed: READERS, ok: 200, scoped: false, call: () => ({ path: '/persons' }) },
  'POST /persons/{id}/erasure': {
    allowed: ADMINS,
    ok: 201,
    scoped: true,
    call: async (f) => ({
      path: `/persons/${await f.freshPerson()}/erasure`,
      body: { reason: 'data_subject_request' },
    }),
  },
  'POST /organisations': {
    allowed: WRITERS,
    ok: 201,
    scoped: false,
    call: () => ({ path: '/organisations', body: { name: 'Matrix Bureau', category: 'ngo' } }),
  },
  'GET /organisations/{id}': {
    allowed: READERS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/organisations/${f.organisationId}` }),
  },
  'POST /organisations/{id}/amendments': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    call: (f) => ({
      path: `/organisations/${f.organisationId}/amendments`,
      body: { field: 'notes', value: unique('Registered in 1993'), reason: 'new_evidence' },
    }),
  },
  'POST /organisations/{id}/aliases': {
    allowed: WRITERS,
    ok: 201,
    scoped: true,
    call: (f) => ({
      path: `/organisations/${f.organisationId}/aliases`,
      body: { alias: unique('MB') },
    }),
  },
  'GET /organisations': {
    allowed: READERS,
    ok: 200,
    scoped: false,
    call: () => ({ path: '/organisations' }),
  },

  'POST /snapshots': {
    allowed: [...ADMINS, 'verifier', 'analyst'],
    ok: 201,
    scoped: false,
    call: () => ({ path: '/snapshots', body: { name: 'Matrix report' } }),
  },
  'GET /snapshots': {
    allowed: READERS,
    ok: 200,
    scoped: false,
    call: () => ({ path: '/snapshots' }),
  },
  'GET /snapshots/{id}': {
    allowed: READERS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/snapshots/${f.snapshotId}` }),
  },
  'GET /snapshots/{a}/diff/{b}': {
    allowed: READERS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/snapshots/${f.snapshotId}/diff/${f.secondSnapshotId}` }),
  },

  'POST /workspaces': {
    allowed: ['deployment'],
    ok: 201,
    scoped: false,
    call: () => ({ path: '/workspaces', body: { name: 'Matrix NGO' } }),
  },
  'GET /workspaces/{id}/users': {
    allowed: ADMINS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/workspaces/${f.workspaceId}/users` }),
  },
  'POST /workspaces/{id}/users': {
    allowed: ADMINS,
    ok: 201,
    scoped: true,
    call: (f) => ({
      path: `/workspaces/${f.workspaceId}/users`,
      body: { name: 'matrix user', role: 'analyst' },
    }),
  },
  'DELETE /tokens/{id}': {
    allowed: ADMINS,
    ok: 204,
    scoped: true,
    call: async (f) => ({ path: `/tokens/${await f.freshTokenId()}` }),
  },
  'GET /audit': { allowed: ADMINS, ok: 200, scoped: false, call: () => ({ path: '/audit' }) },

  'POST /exports': {
    allowed: READERS,
    ok: 202,
    scoped: false,
    call: () => ({ path: '/exports', body: { queries: [{ measure: 'incidents' }] } }),
  },
  'GET /jobs/{id}': {
    allowed: READERS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/jobs/${f.exportJobId}` }),
  },
  'GET /exports/{id}/files/{name}': {
    allowed: READERS,
    ok: 200,
    scoped: true,
    call: (f) => ({ path: `/exports/${f.exportJobId}/files/${f.exportFile}` }),
  },
  'POST /imports': {
    allowed: WRITERS,
    ok: 202,
    scoped: false,
    call: () => ({
      path: '/imports',
      upload: {
        field: 'file',
        name: 'sheet.csv',
        content: Buffer.concat([TEMPLATE_CSV.value, Buffer.from(`\n${unique('x')}`)]),
        fields: { dryRun: 'true' },
      },
    }),
  },
  'GET /imports/template.csv': {
    allowed: WRITERS,
    ok: 200,
    scoped: false,
    call: () => ({ path: '/imports/template.csv' }),
  },
  'GET /imports/template.xlsx': {
    allowed: WRITERS,
    ok: 200,
    scoped: false,
    call: () => ({ path: '/imports/template.xlsx' }),
  },
  'POST /reference-figures': {
    allowed: [...ADMINS, 'monitor', 'analyst'],
    ok: 201,
    scoped: false,
    call: () => ({ path: '/reference-figures', body: REFERENCE_FIGURE.value }),
  },
  'GET /reference-figures': {
    allowed: READERS,
    ok: 200,
    scoped: false,
    call: () => ({ path: '/reference-figures' }),
  },
};

/** The documented example of POST /reference-figures, read from the OpenAPI document. */
const REFERENCE_FIGURE: { value: object } = { value: {} };

interface Operation {
  key: string;
  method: string;
}

async function documentedOperations(server: TestApp['server']): Promise<Operation[]> {
  const document = (await request(server).get('/docs-json').expect(200)).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({ key: `${method.toUpperCase()} ${path}`, method })),
  );
}

/** A request body built from the examples of its schema in the OpenAPI document. */
async function documentedExample(server: TestApp['server'], path: string): Promise<object> {
  interface Schema {
    $ref?: string;
    example?: unknown;
    properties?: Record<string, Schema>;
    items?: Schema;
    type?: string;
  }
  const document = (await request(server).get('/docs-json').expect(200)).body as {
    paths: Record<
      string,
      { post: { requestBody: { content: Record<string, { schema: Schema }> } } }
    >;
    components: { schemas: Record<string, Schema> };
  };
  const build = (schema: Schema): unknown => {
    if (schema.example !== undefined) return schema.example;
    if (schema.$ref !== undefined)
      return build(document.components.schemas[schema.$ref.split('/').pop() as string] as Schema);
    if (schema.type === 'array' && schema.items !== undefined) return [build(schema.items)];
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([name, property]) => [name, build(property)]),
    );
  };
  const body = document.paths[path]?.post.requestBody.content['application/json']?.schema;
  return build(body as Schema) as object;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('access matrix: every endpoint × every role × own and other workspace', () => {
  let t: TestApp;
  let operations: Operation[];
  let own: TestWorkspace;
  const fixtures = new Map<string, Fixture>();
  let deploymentWorkspaceId = '';
  const otherId = () =>
    [...fixtures.keys()].find((id) => id !== own.id && id !== deploymentWorkspaceId) as string;
  /** What workspace B holds: none of it may appear in an answer to another workspace. */
  const otherSecrets: string[] = [];

  const send = (method: string, call: Call, token?: string) => {
    const req = request(t.server)[method as 'get'](call.path);
    if (token !== undefined) req.set(bearer(token));
    if (call.upload !== undefined) {
      for (const [name, value] of Object.entries(call.upload.fields)) req.field(name, value);
      return req.attach(call.upload.field, call.upload.content, call.upload.name);
    }
    return call.body === undefined ? req : req.send(call.body);
  };

  async function fixture(admin: string, workspaceId: string, names: string): Promise<Fixture> {
    const post = async (path: string, body?: object) => {
      const res = await send('post', body === undefined ? { path } : { path, body }, admin);
      if (res.status !== 201) throw new Error(`fixture ${path}: ${res.status} ${res.text}`);
      return res.body as { id: string; position: string; userId: string; tokenId: string };
    };
    const freshIncident = async () =>
      (await post('/incidents', report(`${names} case`, `${names} Person`))).id;
    const incident = await post('/incidents', report(`${names} case`, `${names} Person`));
    const person = await post('/persons', { name: `${names} Registered` });
    const freshEvidence = async () => {
      const res = await send(
        'post',
        { path: `/incidents/${incident.id}/evidence`, upload: evidencePdf() },
        admin,
      );
      if (res.status !== 201) throw new Error(`fixture evidence: ${res.status} ${res.text}`);
      return (res.body as { id: string }).id;
    };
    const evidenceId = await freshEvidence();
    const organisation = await post('/organisations', { name: `${names} Bureau`, category: 'ngo' });
    const snapshot = await post(`/snapshots?after=${incident.position}`, {
      name: `${names} report`,
    });
    const second = await post('/snapshots', { name: `${names} second report` });
    await send(
      'put',
      { path: `/workspaces/${workspaceId}/public`, body: { enabled: true } },
      admin,
    );
    const started = await send(
      'post',
      { path: '/exports', body: { queries: [{ measure: 'acts' }] } },
      admin,
    );
    const exportJobId = (started.body as { jobId: string }).jobId;
    let job: { state?: string; result?: { files: { name: string }[] } } = {};
    for (let i = 0; i < 300 && job.state !== 'completed'; i += 1) {
      if (job.state === 'failed') throw new Error(`fixture export failed: ${JSON.stringify(job)}`);
      await new Promise((done) => setTimeout(done, 100));
      job = (await send('get', { path: `/jobs/${exportJobId}` }, admin)).body;
    }
    return {
      workspaceId,
      admin,
      incidentId: incident.id,
      personId: person.id,
      organisationId: organisation.id,
      snapshotId: snapshot.id,
      secondSnapshotId: second.id,
      exportJobId,
      exportFile: job.result?.files[0]?.name ?? 'none',
      evidenceId,
      freshIncident,
      freshEvidence,
      async freshPerson() {
        return (await post('/persons', { name: `${names} ${unique('Person')}` })).id;
      },
      async freshDuplicate() {
        const id = await freshIncident();
        await post(`/incidents/${id}/duplicate-of`, { duplicateOf: incident.id });
        return id;
      },
      async freshTokenId() {
        return (
          await post(`/workspaces/${workspaceId}/users`, { name: 'to revoke', role: 'public' })
        ).tokenId;
      },
    };
  }

  beforeAll(async () => {
    t = await startTestApp('pglite');
    operations = await documentedOperations(t.server);
    REFERENCE_FIGURE.value = await documentedExample(t.server, '/reference-figures');
    TEMPLATE_CSV.value = Buffer.from(
      (await request(t.server).get('/imports/template.csv').set(t.auth).expect(200)).text,
    );
    own = await createTestWorkspace(t.server, 'Own NGO');
    const other = await createTestWorkspace(t.server, 'Other NGO', []);
    const deployment = (await request(t.server).get('/me').set(t.auth).expect(200)).body
      .workspaceId;
    deploymentWorkspaceId = deployment;
    fixtures.set(own.id, await fixture(own.tokens.admin, own.id, 'Alpha'));
    fixtures.set(deployment, await fixture(TEST_ADMIN_TOKEN, deployment, 'Delta'));
    const b = await fixture(other.tokens.admin, other.id, 'Bravo');
    fixtures.set(other.id, b);
    // The workspace id first (see the deployment admin's exception below).
    otherSecrets.push(other.id, b.incidentId, b.personId, b.organisationId, b.snapshotId, 'Bravo');
  }, 120_000);
  afterAll(async () => t?.close());

  it('has an expectation for every documented endpoint, and documents every one it expects', () => {
    const documented = operations.map((o) => o.key);
    expect(documented.filter((key) => !(key in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((key) => !documented.includes(key))).toEqual([]);
  });

  it('answers each caller as the table says, and never across workspaces', async () => {
    const deploymentWorkspace = (await request(t.server).get('/me').set(t.auth)).body.workspaceId;
    const otherWorkspace = [...fixtures.keys()].find(
      (id) => id !== own.id && id !== deploymentWorkspace,
    ) as string;
    const mismatches: string[] = [];
    const leaks: string[] = [];

    for (const { key, method } of operations) {
      const row = TABLE[key];
      if (row === undefined) continue; // reported by the test above
      const ownFixture = fixtures.get(own.id) as Fixture;
      const anonymous = await send(method, await row.call(ownFixture, ownFixture));
      const anonymousExpected = row.allowed === 'anonymous' ? row.ok : 401;
      if (anonymous.status !== anonymousExpected)
        mismatches.push(
          `${key} without a token: ${anonymous.status}, expected ${anonymousExpected}`,
        );
      if (row.allowed === 'anonymous') continue;

      for (const caller of CALLERS) {
        const token = caller === 'deployment' ? TEST_ADMIN_TOKEN : own.tokens[caller];
        const home = caller === 'deployment' ? deploymentWorkspace : own.id;
        const targets = row.scoped ? [home, otherWorkspace] : [home];
        for (const workspace of targets) {
          const where = workspace === home ? 'own' : 'other';
          const allowed = row.allowed.includes(caller);
          const expected = !allowed ? 403 : where === 'own' ? row.ok : 404;
          const res = await send(
            method,
            await row.call(fixtures.get(workspace) as Fixture, fixtures.get(home) as Fixture),
            token,
          );
          if (res.status !== expected)
            mismatches.push(
              `${key} as ${caller} on its ${where} workspace: ${res.status}, expected ${expected} (${res.body?.detail ?? ''} ${JSON.stringify(res.body?.errors ?? '')})`,
            );
          if (res.status < 300 && home !== otherWorkspace) {
            // Binary answers (an evidence file) have no text: their bytes are read as text.
            const text = res.text ?? (Buffer.isBuffer(res.body) ? res.body.toString('latin1') : '');
            // The deployment admin created workspace B: its id is in its own audit trail.
            const hidden = caller === 'deployment' ? otherSecrets.slice(1) : otherSecrets;
            for (const secret of hidden)
              if (text.includes(secret)) leaks.push(`${key} as ${caller} shows ${secret}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(leaks).toEqual([]);
  }, 120_000);

  it('searches by name (GET /persons?q=, GET /organisations?q=) only for the roles that see names', async () => {
    const answers: string[] = [];
    for (const path of ['/persons?q=Alpha', '/organisations?q=Alpha']) {
      for (const caller of CALLERS) {
        const token = caller === 'deployment' ? TEST_ADMIN_TOKEN : own.tokens[caller];
        const res = await send('get', { path }, token);
        answers.push(`${path} ${caller} ${res.status}`);
      }
    }
    const expected = ['/persons?q=Alpha', '/organisations?q=Alpha'].flatMap((path) =>
      CALLERS.map((c) => `${path} ${c} ${FULL_READERS.includes(c) ? 200 : 403}`),
    );
    expect(answers).toEqual(expected);
  });

  it("refuses a request that names another workspace's record in its body", async () => {
    const mine = fixtures.get(own.id) as Fixture;
    const theirs = fixtures.get(otherId()) as Fixture;
    const admin = own.tokens.admin;
    const attempts: [string, Call][] = [
      [
        'post',
        {
          path: `/incidents/${await mine.freshIncident()}/duplicate-of`,
          body: { duplicateOf: theirs.incidentId },
        },
      ],
      [
        'post',
        {
          path: `/incidents/${mine.incidentId}/targets`,
          body: { personId: theirs.personId, category: 'journalist' },
        },
      ],
      [
        'post',
        {
          path: `/incidents/${mine.incidentId}/targets`,
          body: { organisationId: theirs.organisationId, category: 'ngo' },
        },
      ],
      [
        'post',
        {
          path: '/incidents',
          body: {
            ...report('Cross', 'Cross'),
            targets: [{ personId: theirs.personId, category: 'journalist' }],
          },
        },
      ],
      ['get', { path: `/snapshots/${mine.snapshotId}/diff/${theirs.snapshotId}` }],
      ['get', { path: `/snapshots/${theirs.snapshotId}/diff/${mine.snapshotId}` }],
    ];
    const outcomes = [];
    for (const [method, attempt] of attempts) {
      const res = await send(method, attempt, admin);
      outcomes.push(`${method} ${attempt.path} ${res.status}`);
      // Refused because the record does not exist for this caller, not for another reason.
      expect(res.text).toMatch(/no such (incident|person|organisation|snapshot)/);
      expect([400, 404]).toContain(res.status);
    }
    expect(outcomes).toHaveLength(attempts.length);
  });
});
