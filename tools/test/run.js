#!/usr/bin/env node
// `npm test`: the type check and the lint run beside jest instead of before it. On a two-core
// machine jest spends much of its time waiting on PostgreSQL, PGlite and spawned processes, so
// the checks fit in that time instead of adding about two minutes in front of it.
// The checks' output is held and printed after jest's, so the two never interleave.
'use strict';
const { spawn } = require('node:child_process');

const CHECKS = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
];
// Paths given to `npm test -- <paths>` come before --selectProjects, which would take them as
// project names.
const jestArgs = (extra) => [
  'run',
  '--silent',
  'jest',
  '--',
  ...extra,
  '--selectProjects',
  'unit',
  'int',
  'e2e',
];

function run(command, args, { capture }) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, {
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => done({ code: 1, output: String(error), seconds: 0 }));
    child.on('exit', (code, signal) =>
      done({ code: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

async function checksInTurn() {
  const results = [];
  for (const [name, command, args] of CHECKS) {
    results.push({ name, ...(await run(command, args, { capture: true })) });
  }
  return results;
}

async function main() {
  const extra = process.argv.slice(2);
  const [checks, jest] = await Promise.all([
    checksInTurn(),
    run('npm', jestArgs(extra), { capture: false }),
  ]);
  const lanes = [...checks, { name: 'jest', output: '', ...jest }];
  for (const lane of lanes.filter((l) => l.code !== 0 && l.output !== '')) {
    process.stdout.write(`\n--- ${lane.name} failed ---\n${lane.output}\n`);
  }
  process.stdout.write('\n');
  for (const lane of lanes) {
    const verdict = lane.code === 0 ? 'passed' : `FAILED (exit ${lane.code})`;
    process.stdout.write(`${lane.name.padEnd(10)} ${verdict} in ${lane.seconds.toFixed(0)} s\n`);
  }
  process.exitCode = lanes.every((l) => l.code === 0) ? 0 : 1;
}

void main();
