import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthenticatedRequest } from '@app/auth';

/**
 * Rate limits per caller: per user once the bearer guard (which runs first) has identified
 * one, else per client address. Requests with a bad token never get here: the bearer guard
 * limits those itself, before paying for an argon2 verification.
 */
@Injectable()
export class RequestThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = (request as AuthenticatedRequest).actor;
    return actor === undefined
      ? `address:${await super.getTracker(request)}`
      : `user:${actor.userId}`;
  }

  // One budget per caller for the whole API, not one per route.
  protected override generateKey(_: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }
}
