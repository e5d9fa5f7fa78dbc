import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * No Docker runs here or in CI, so docker-compose.yml is checked as a document: what `docker
 * compose up` needs to start a server-mode deployment someone can sign in to (issue 18).
 */
interface Service {
  image?: string;
  profiles?: string[];
  environment?: Record<string, unknown>;
  env_file?: { path: string; required: boolean }[];
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string; required?: boolean }>;
}

const ROOT = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, Service> };
const services = compose.services;

describe('docker-compose.yml', () => {
  it('has the api, the worker, PostgreSQL, Redis, and KurrentDB under a profile', () => {
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'kurrentdb',
      'postgres',
      'redis',
      'worker',
    ]);
    expect(services.kurrentdb!.profiles).toEqual(['kurrentdb']);
  });

  it('pins every image to an exact release, never latest or a bare major version', () => {
    // PostgreSQL's releases are major.minor (17.6); the others major.minor.patch.
    const exact = /^\d+\.\d+(\.\d+)?(-[a-z0-9]+)*$/;
    for (const [name, service] of Object.entries(services)) {
      const tag = /:([^:/]+)$/.exec(service.image ?? '')?.[1];
      expect({ name, tag }).toEqual({ name, tag: expect.stringMatching(exact) });
    }
  });

  it('checks the health of every service', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, test: service.healthcheck?.test }).toEqual({ name, test: expect.anything() });
    }
  });

  it('starts a service only once what it depends on is healthy', () => {
    const waits = Object.entries(services).flatMap(([name, s]) =>
      Object.entries(s.depends_on ?? {}).map(([on, d]) => ({ name, on, condition: d.condition })),
    );
    expect(waits).toEqual(
      expect.arrayContaining([
        { name: 'api', on: 'postgres', condition: 'service_healthy' },
        { name: 'api', on: 'redis', condition: 'service_healthy' },
        { name: 'api', on: 'kurrentdb', condition: 'service_healthy' },
        { name: 'worker', on: 'api', condition: 'service_healthy' },
      ]),
    );
    for (const wait of waits) expect(wait.condition).toBe('service_healthy');
    // KurrentDB is waited for only when its profile is on.
    expect(services.api!.depends_on!.kurrentdb!.required).toBe(false);
  });

  it('takes the secrets from an env file, none from the YAML', () => {
    for (const name of ['api', 'worker', 'postgres']) {
      expect(services[name]!.env_file).toEqual([{ path: 'compose.env', required: true }]);
    }
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    for (const secret of [
      'MASTER_KEY',
      'BOOTSTRAP_ADMIN_TOKEN',
      'POSTGRES_PASSWORD',
      'DATABASE_URL',
    ]) {
      for (const service of Object.values(services)) {
        expect(Object.keys(service.environment ?? {})).not.toContain(secret);
      }
      expect(text).not.toMatch(new RegExp(`${secret}\\s*[:=]`));
    }
    expect(text).not.toMatch(/postgres:\/\/[^@\s]*:[^@\s]*@/);
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toMatch(/^\/compose\.env$/m);
  });

  it('ships an example env file that names every secret and holds none', () => {
    const example = readFileSync(join(ROOT, 'compose.env.example'), 'utf8');
    for (const name of [
      'MASTER_KEY',
      'BOOTSTRAP_ADMIN_TOKEN',
      'POSTGRES_PASSWORD',
      'DATABASE_URL',
    ]) {
      expect(example).toMatch(new RegExp(`^${name}=.*CHANGE-ME`, 'm'));
    }
  });
});
