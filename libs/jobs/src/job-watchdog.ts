import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { JobRecords } from './job-records';
import { JobRunner } from './job-runner';
import { redisConnection } from './jobs-options';

/** What a process running jobs does once the watchdog finds it wedged. */
export interface StallResponse {
  /** `reason` holds counts and durations only: never a job's input. */
  respond(reason: string): Promise<void>;
}

/** How often the watchdog looks, at most: a tenth of a wedge's limit goes by unseen at worst. */
const MAX_CHECK_MS = 10_000;

/**
 * `/health` turning degraded for stalled jobs helps nobody at night: a worker whose BullMQ loop
 * spins on a rejected Redis command (taskforcesh/bullmq#1940, #3185) takes no job for hours
 * while its process looks alive. So the process that runs jobs watches itself: when jobs wait
 * (queued, or active) with no step for the stall limit, and this process took no job step for
 * as long, it is wedged, and it responds (restarts its runner, or exits for its supervisor to
 * start it afresh). A process busy with a job steps at every 2% of it, so it is never taken
 * for wedged while it works; an idle one beside a wedged one may be restarted too, which costs
 * it nothing.
 */
export class JobWatchdog implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly records: JobRecords,
    private readonly runner: JobRunner,
    private readonly stallSeconds: number,
    private readonly response: StallResponse,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.min(MAX_CHECK_MS, (this.stallSeconds * 1000) / 4);
    this.timer = setInterval(() => void this.check(), every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Looks once; true when it responded. */
  async check(): Promise<boolean> {
    if (this.checking || this.runner.stopping) return false;
    const idleMs = this.runner.idleMs;
    if (idleMs < this.stallSeconds * 1000) return false;
    this.checking = true;
    try {
      const { jobs, seconds } = await this.records.stalled(this.stallSeconds);
      if (jobs === 0) return false;
      const reason =
        `${jobs} job(s) waited ${seconds} s with no step and this process took none for ` +
        `${Math.round(idleMs / 1000)} s`;
      // A whole stall period before the next response: a restarted runner gets its chance.
      this.runner.stepped();
      await this.response.respond(reason);
      return true;
    } catch (error) {
      // The database being away is /health's news; the next check looks again.
      this.logger.warn(`job watchdog: ${error instanceof Error ? error.name : 'error'}`);
      return false;
    } finally {
      this.checking = false;
    }
  }
}

/**
 * A worker taking jobs from Redis exits (code 1) so that its supervisor starts it afresh, with
 * new connections and a new BullMQ loop, unless Redis itself does not answer: a restart would
 * not help then, and a supervisor that gives up after a few quick restarts would leave no worker
 * when Redis comes back.
 */
export class ExitWhenWedged implements StallResponse {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly redisUrl: string,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  async respond(reason: string): Promise<void> {
    if (!(await this.redisAnswers())) {
      this.logger.warn(`job watchdog: ${reason}, but Redis does not answer: waiting for it`);
      return;
    }
    this.logger.error(`job watchdog: ${reason}; exiting for the supervisor to restart the worker`);
    this.exit(1);
  }

  /** A PING on a connection of its own, within 2 s: the worker's own ones may be the wedged part. */
  private async redisAnswers(): Promise<boolean> {
    const redis = new Redis({
      ...redisConnection(this.redisUrl),
      lazyConnect: true,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 2_000);
      });
      await Promise.race([redis.connect().then(() => redis.ping()), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      redis.disconnect();
    }
  }
}
