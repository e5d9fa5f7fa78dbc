import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * A refused sign-in step, answered as problem+json with a stable `code` and extension members
 * (`secondFactorRequired`, `retryAfterMs`) a client can act on.
 */
export class SignInProblem extends HttpException {
  constructor(
    status: HttpStatus,
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super({ message, code, extensions }, status);
  }

  static wrongCredentials(): SignInProblem {
    return new SignInProblem(
      HttpStatus.UNAUTHORIZED,
      'The sign-in name or the password is wrong.',
      'wrong_credentials',
    );
  }
}
