import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { loadConfig } from '@app/config';
import Redis from 'ioredis';
import { AppModule } from '../../../apps/api/src/app.module';
import { configureHttpApp } from '../../../apps/api/src/http-app';
import { JOBS_OPTIONS } from '@app/jobs/jobs-options';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { TEST_ADMIN_TOKEN, TEST_MASTER_KEY } from '../../support/test-app';
import { createTestSchema, TestSchema } from '../../support/test-postgres';

/**
 * The API and, on request, the worker, in this process, on a fresh PostgreSQL schema and a
 * Redis at `redisUrl` with a BullMQ prefix of this test's own (deleted at the end).
 */
export class JobApps {
  readonly prefix = `rltest-${randomUUID().slice(0, 8)}`;
  readonly auth = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  api?: NestExpressApplication;
  worker?: INestApplicationContext;

  private constructor(
    readonly schema: TestSchema,
    readonly redisUrl: string | undefined,
  ) {}

  static async create(redisUrl: string | undefined): Promise<JobApps> {
    return new JobApps(await createTestSchema('imp'), redisUrl);
  }

  private env() {
    return loadConfig({
      DATABASE_URL: this.schema.url,
      MASTER_KEY: TEST_MASTER_KEY,
      BOOTSTRAP_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      ...(this.redisUrl && { REDIS_URL: this.redisUrl }),
    });
  }

  async startApi(): Promise<NestExpressApplication> {
    const ref = await Test.createTestingModule({ imports: [AppModule.forConfig(this.env())] })
      .overrideProvider(JOBS_OPTIONS)
      .useValue({ prefix: this.prefix })
      .compile();
    this.api = ref.createNestApplication<NestExpressApplication>({ logger: false });
    configureHttpApp(this.api);
    await this.api.init();
    return this.api;
  }

  async startWorker(): Promise<INestApplicationContext> {
    const ref = await Test.createTestingModule({ imports: [WorkerModule.forConfig(this.env())] })
      .overrideProvider(JOBS_OPTIONS)
      .useValue({ prefix: this.prefix })
      .compile();
    ref.useLogger(false);
    this.worker = await ref.init();
    return this.worker;
  }

  get server() {
    return this.api!.getHttpServer();
  }

  /** Polls GET /jobs/:id every `pollMs` until the job is finished. */
  async finished(
    jobId: string,
    timeoutMs = 60_000,
    progress: number[] = [],
    pollMs = 100,
  ): Promise<JobBody> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await request(this.server).get(`/jobs/${jobId}`).set(this.auth);
      if (res.status === 200) progress.push(res.body.progress as number);
      if (res.status === 200 && (res.body.state === 'completed' || res.body.state === 'failed')) {
        return res.body as JobBody;
      }
      if (Date.now() > deadline)
        throw new Error(`job ${jobId} not finished: ${JSON.stringify(res.body).slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** Waits until the statistics projection has caught up with the event store. */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await request(this.server).get('/projections').set(this.auth);
      const list = (res.body.projections ?? res.body) as { caughtUp?: boolean }[];
      if (res.status === 200 && Array.isArray(list) && list.every((p) => p.caughtUp)) return;
      if (Date.now() > deadline) throw new Error(`projection lagging: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.api?.close();
    if (this.redisUrl) {
      const redis = new Redis(this.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        const keys = await redis.keys(`${this.prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
      } catch {
        // A Redis the test stopped holds nothing of ours.
      } finally {
        redis.disconnect();
      }
    }
    await this.schema.drop();
  }
}

export interface JobBody {
  id: string;
  state: string;
  progress: number;
  result: Record<string, unknown> & {
    recorded: { incidents: number; acts: number; persons: number };
    alreadyImported: { incidents: number; acts: number };
  };
  errors: { row: number; column: string; value: string | null; message: string }[];
}
