import request, { Response } from 'supertest';
import { TestApp } from './test-app';

/**
 * What persons and organisations answer alike: one controller factory serves both kinds
 * (apps/api/src/targets/target.http-controller.ts), so their specs share these checks.
 */
export const PROBLEM = /^application\/problem\+json/;

/** A 400 problem naming `category`, with a sample of the codes the kind allows. */
export function expectUnknownCategory(response: Response, allowed: readonly string[]): void {
  expect(response.status).toBe(400);
  expect(response.headers['content-type']).toMatch(PROBLEM);
  expect(response.body.errors).toEqual([
    { field: 'category', message: expect.any(String), allowed: expect.arrayContaining(allowed) },
  ]);
}

/** A 400 naming `field` as not amendable, with the fields that are. */
export function expectNotAmendable(response: Response, allowed: unknown): void {
  expect(response.status).toBe(400);
  expect(response.body.errors).toEqual([{ field: 'field', message: expect.any(String), allowed }]);
}

/** The operations both kinds document, with the statuses each may answer. */
export function targetOperations(path: '/persons' | '/organisations') {
  const change = ['201', '400', '401', '404', '409', '422'];
  return [
    { path, method: 'post', statuses: ['201', '400', '401', '422'] },
    { path: `${path}/{id}`, method: 'get', statuses: ['200', '400', '401', '404'] },
    { path, method: 'get', statuses: ['200', '400', '401', '403'] },
    { path: `${path}/{id}/amendments`, method: 'post', statuses: change },
    { path: `${path}/{id}/aliases`, method: 'post', statuses: change },
  ];
}

/** A registration's 201: the new version, nothing that looks like a duplicate; its id. */
export function registeredId(response: Response, version: number): string {
  expect(response.status).toBe(201);
  expect(response.body).toEqual({
    id: expect.any(String),
    version,
    position: expect.any(String),
    possibleDuplicates: [],
  });
  return response.body.id;
}

/** A 409 problem for a stale If-Match, naming the version sent and the one stored. */
export function expectStale(response: Response, expectedVersion: number, actualVersion: number) {
  expect(response.status).toBe(409);
  expect(response.headers['content-type']).toMatch(PROBLEM);
  expect(response.body).toMatchObject({ expectedVersion, actualVersion });
}

/** The requests both kinds' specs send, as the app's own token, to `/persons` or `/organisations`. */
export function targetRequests(path: '/persons' | '/organisations', app: () => TestApp) {
  const http = () => request(app().server);
  return {
    /** With `key`, sent as its Idempotency-Key. */
    register: (body: object, key?: string) => {
      const post = http().post(path).set(app().auth);
      return (key === undefined ? post : post.set('Idempotency-Key', key)).send(body);
    },
    readBack: (id: string) => http().get(`${path}/${id}`).set(app().auth),
    linkAlias: (id: string, alias: string) =>
      http().post(`${path}/${id}/aliases`).set(app().auth).send({ alias }),
  };
}
