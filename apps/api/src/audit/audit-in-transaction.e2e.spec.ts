import request from 'supertest';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

/**
 * Issue 18: a write's audit entry commits in the same transaction as the change it records, so
 * a failure (or a crash) between the two leaves both or neither. The failures are real ones,
 * raised by the database through triggers, in the audit insert and in the append.
 */
const report = (title: string) => ({
  title,
  country: 'KZ',
  occurred: { date: '2020-03', precision: 'month' },
  type: 'summons',
});

describe('the audit entry of a change', () => {
  let t: TestApp;
  let sql: SqlClient;

  beforeAll(async () => {
    t = await startTestApp('postgres');
    sql = t.app.get(SQL_CLIENT);
  });
  afterAll(() => t.close());

  const post = (title: string, key: string) =>
    request(t.server)
      .post('/incidents')
      .set({ ...t.auth, 'Idempotency-Key': key })
      .send(report(title));

  const entriesFor = async (targetId: string) =>
    (
      await sql.query<{ status: number; same_tx: boolean }>(
        `SELECT a.status, a.xmin::text = (SELECT min(e.transaction_id)::xid::text FROM es_events e
                                           WHERE e.stream_id = 'incident-' || a.target_id) AS same_tx
           FROM audit_log a WHERE a.action = 'POST /incidents' AND a.target_id = $1 ORDER BY a.id`,
        [targetId],
      )
    ).rows;

  it('commits in the transaction of the append, with the id it created and the status answered', async () => {
    const created = await post('Summons in Shymkent', 'audit-tx-1').expect(201);
    expect(await entriesFor(created.body.id)).toEqual([{ status: 201, same_tx: true }]);
  });

  it('leaves no change when its entry cannot be written', async () => {
    await sql.exec(`
      CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit refused for the test'; END $$;
      CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW
        WHEN (NEW.action = 'POST /incidents' AND NEW.status = 201) EXECUTE FUNCTION refuse_audit();`);
    try {
      const refused = await post('Summons in Taraz', 'audit-tx-2');
      expect(refused.status).toBe(500);
    } finally {
      await sql.exec('DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_audit();');
    }
    const { rows } = await sql.query(
      `SELECT 1 FROM es_events WHERE event_type = 'IncidentReported' AND data ->> 'title' = 'Summons in Taraz'`,
    );
    expect(rows).toEqual([]);
    // Sent again, it is recorded once, with its entry.
    const created = await post('Summons in Taraz', 'audit-tx-2').expect(201);
    expect((await entriesFor(created.body.id)).filter((e) => e.status === 201)).toEqual([
      { status: 201, same_tx: true },
    ]);
  });

  it('leaves no entry of a change when the change fails', async () => {
    const before = await sql.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_log WHERE action = 'POST /incidents' AND status = 201`,
    );
    await sql.exec(`
      CREATE FUNCTION refuse_append() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'append refused for the test'; END $$;
      CREATE TRIGGER refuse_append BEFORE INSERT ON es_events FOR EACH ROW
        WHEN (NEW.event_type = 'IncidentReported') EXECUTE FUNCTION refuse_append();`);
    try {
      expect((await post('Summons in Oral', 'audit-tx-3')).status).toBe(500);
    } finally {
      await sql.exec('DROP TRIGGER refuse_append ON es_events; DROP FUNCTION refuse_append();');
    }
    const after = await sql.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_log WHERE action = 'POST /incidents' AND status = 201`,
    );
    expect(after.rows).toEqual(before.rows);
    // The refusal itself is in the trail, as what it was: a 500 that changed nothing.
    await new Promise((r) => setTimeout(r, 200));
    const failed = await sql.query(
      `SELECT status FROM audit_log WHERE action = 'POST /incidents' AND status = 500`,
    );
    expect(failed.rows.length).toBeGreaterThan(0);
  });

  it('does not take the bookkeeping of a refused sign-in for a change', async () => {
    await request(t.server)
      .post('/auth/sign-in')
      .send({ login: 'nobody-here', password: 'not the password at all' })
      .expect(401);
    await new Promise((r) => setTimeout(r, 200));
    const { rows } = await sql.query<{ status: number }>(
      `SELECT status FROM audit_log WHERE action = 'POST /auth/sign-in' ORDER BY id`,
    );
    expect(rows).toEqual([{ status: 401 }]);
  });
});
