// Holds a transaction open on the tests' PostgreSQL server, as another application, a stuck
// psql or a backup does on a shared server, so the suite can be run beside it:
//
//   node test/support/hold-long-transaction.js [seconds] &   # default 600; Ctrl-C ends it early
//   npm test
//
// The transaction has an id (it holds the cluster-wide xmin back, which used to stall every
// projection) and sits in another database of the same server: `postgres`, or HOLD_DATABASE.
// The server is TEST_DATABASE_URL's (default postgres://postgres@127.0.0.1:5432/test).
// See docs/contributing.md.
const console = require('node:console');
const { clearTimeout, setTimeout } = require('node:timers');
const { URL } = require('node:url');
const { Client } = require('pg');

const DEFAULT_SECONDS = 600;

function target() {
  const url = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${process.env.HOLD_DATABASE || 'postgres'}`;
  return url;
}

function seconds() {
  const text = process.argv[2];
  if (text === undefined) return DEFAULT_SECONDS;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(
      `hold-long-transaction: ${JSON.stringify(text)} is not a whole number of seconds`,
    );
    process.exit(2);
  }
  return value;
}

async function main() {
  const holdFor = seconds();
  const url = target();
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  await client.query('BEGIN');
  const { rows } = await client.query('SELECT pg_current_xact_id()::text AS xid');
  const where = `database ${url.pathname.slice(1)} on ${url.host}`;
  console.log(`holding transaction ${rows[0].xid} open in ${where} for ${holdFor} s`);

  let ended = false;
  const end = async (why) => {
    if (ended) return;
    ended = true;
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
    console.log(`transaction ${rows[0].xid} ended (${why})`);
    process.exit(0);
  };
  const timer = setTimeout(() => end(`${holdFor} s passed`), holdFor * 1000);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      clearTimeout(timer);
      void end(signal);
    });
  }
  // The server ending the session (a restart, a timeout) ends the hold too.
  client.on('error', (error) => {
    console.error(`hold-long-transaction: the session ended: ${error.message}`);
    process.exit(1);
  });
}

main().catch((error) => {
  console.error(`hold-long-transaction: ${error.message}`);
  process.exit(1);
});
