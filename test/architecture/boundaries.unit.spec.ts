import { join } from 'node:path';
import { ESLint } from 'eslint';

/**
 * The import boundaries between apps and libraries are ESLint rules (eslint.config.mjs), run by
 * `npm run lint`. Each probe below is a file that breaks one rule, linted as if it sat in the
 * folder the rule guards: the rule must fire, and a file that keeps the rule must pass.
 */
const root = join(__dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const probe = x;\n`, {
    filePath: join(root, filePath),
  });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    [
      'apps/api/src/probe.ts',
      "import { x } from '../../worker/src/worker.module';",
      /apps\/api never imports another app/,
    ],
    [
      'apps/worker/src/probe.ts',
      "import { x } from '../../api/src/app.module';",
      /apps\/worker never imports another app/,
    ],
    [
      'apps/cli/src/probe.ts',
      "import { x } from '../../api/src/http-app';",
      /apps\/cli never imports another app/,
    ],
  ])('apps never import each other: %s', async (file, source, message) => {
    expect(await restrictedImports(file, source)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['libs/jobs/src/probe.ts', "import { x } from '../../../apps/api/src/app.module';"],
    [
      'libs/read-models/src/statistics/probe.ts',
      "import { x } from '../../../../apps/api/src/statistics/incident-filters.request.dto';",
    ],
  ])('libraries never import apps: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([
      expect.stringMatching(/Libraries never import apps/),
    ]);
  });

  it('libs/domain imports nothing of ours but itself, and no framework or I/O', async () => {
    const file = 'libs/domain/src/probe.ts';
    expect(await restrictedImports(file, "import { x } from '@app/event-store';")).toEqual([
      expect.stringMatching(/libs\/domain may use only @app\/domain\b/),
    ]);
    expect(await restrictedImports(file, "import { x } from '@nestjs/common';")).toEqual([
      expect.stringMatching(/libs\/domain is pure/),
    ]);
    expect(await restrictedImports(file, "import { x } from 'node:fs';")).toEqual([
      expect.stringMatching(/libs\/domain does no I\/O/),
    ]);
    expect(await restrictedImports(file, "import { x } from './errors';")).toEqual([]);
  });

  it('each library uses only the libraries it declares', async () => {
    // libs/jobs is plumbing: it runs any JobWork and knows none of the libraries doing the work.
    expect(
      await restrictedImports('libs/jobs/src/probe.ts', "import { x } from '@app/imports';"),
    ).toEqual([expect.stringMatching(/libs\/jobs may use only @app\/jobs, @app\/config/)]);
    expect(
      await restrictedImports(
        'libs/read-models/src/probe.ts',
        "import { x } from '@app/application/command-request';",
      ),
    ).toEqual([expect.stringMatching(/libs\/read-models may use only/)]);
    // Nor by a relative path around the @app/ names.
    expect(
      await restrictedImports(
        'libs/imports/src/probe.ts',
        "import { x } from '../../exports/src/export.job';",
      ),
    ).toEqual([expect.stringMatching(/imported by its @app\/ name/)]);
    // A declared library passes.
    expect(
      await restrictedImports(
        'libs/imports/src/probe.ts',
        "import { x } from '@app/jobs/job-context';",
      ),
    ).toEqual([]);
  });
});

describe('controllers', () => {
  const probe = (constructor: string) =>
    [
      "import { Controller } from '@nestjs/common';",
      "import { CommandBus, QueryBus } from '@nestjs/cqrs';",
      "import { SessionService } from '@app/auth';",
      '@Controller()',
      `export class ProbeHttpController { ${constructor} }`,
    ].join('\n');

  async function restrictedSyntax(filePath: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath: join(root, filePath) });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  }

  it.each(['apps/api/src/probe/probe.http.controller.ts', 'apps/api/src/probe.http-controller.ts'])(
    'inject only the command and query buses: %s',
    async (file) => {
      expect(
        await restrictedSyntax(file, probe('constructor(private readonly s: SessionService) {}')),
      ).toEqual([expect.stringMatching(/injects only the CommandBus and the QueryBus/)]);
      expect(
        await restrictedSyntax(
          file,
          probe('constructor(readonly commands: CommandBus, readonly queries: QueryBus) {}'),
        ),
      ).toEqual([]);
    },
  );
});
