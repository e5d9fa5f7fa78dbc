import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { RequestThrottlerGuard } from './request-throttler.guard';

/** Requests per minute: per user with a token, per address without one (/health, /docs). */
export const RATE_LIMITS = { user: 6_000, anonymous: 300 } as const;
const MINUTE_MS = 60_000;

/**
 * Rate limiting (in memory, per API process). Import after AuthModule: global guards run in
 * registration order, and the limit per user needs the bearer guard's actor.
 */
@Module({
  imports: [
    ThrottlerModule.forRoot({
      throttlers: [
        {
          // Unnamed ('default'): the answers carry the usual Retry-After and X-RateLimit-* headers.
          ttl: MINUTE_MS,
          limit: (context) =>
            context.switchToHttp().getRequest<{ actor?: unknown }>().actor === undefined
              ? RATE_LIMITS.anonymous
              : RATE_LIMITS.user,
        },
      ],
      errorMessage: 'Too many requests; retry after the number of seconds in Retry-After.',
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RequestThrottlerGuard }],
})
export class SecurityModule {}
