import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@app/auth';
import type { Role, SignedInSession } from '@app/auth';

export class SecondFactorStateDto {
  @ApiProperty({ example: true, description: 'An authenticator app is enrolled.' })
  enrolled!: boolean;

  @ApiProperty({
    example: true,
    description:
      "The workspace requires one for this role; while required and not enrolled, every route but the enrolment's answers 403.",
  })
  required!: boolean;

  @ApiProperty({
    example: false,
    description:
      'This session may enrol one now (POST /auth/totp/enrol): when none is enrolled, and, where one is required, only in the session made by accepting an invitation or a reset of the sign-in. A person required to have one who signed in with a password alone cannot enrol: an admin resets their sign-in.',
  })
  mayEnrol!: boolean;

  @ApiProperty({
    example: true,
    description:
      'This session passed the second factor (a code or passkey at sign-in, or the enrolment made in it); only such a session adds a passkey.',
  })
  passed!: boolean;
}

/** The signed-in session (GET /auth/session, and the answer of signing in). */
export class SessionResponseDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'Monitor 1' })
  name!: string;

  @ApiProperty({ example: 'aigerim' })
  login!: string;

  @ApiProperty({ format: 'uuid' })
  workspaceId!: string;

  @ApiProperty({ example: 'Bureau for Human Rights' })
  workspaceName!: string;

  @ApiProperty({ enum: ROLES, example: 'monitor' })
  role!: Role;

  @ApiProperty({ description: 'The deployment admin (may create workspaces).' })
  deploymentAdmin!: boolean;

  @ApiProperty({
    description:
      'Send it as the header X-CSRF-Token with every state-changing request made with the session cookie.',
  })
  csrfToken!: string;

  @ApiProperty({ type: SecondFactorStateDto })
  secondFactor!: SecondFactorStateDto;

  @ApiProperty({ example: '2026-12-04T23:00:00.000Z', description: 'The absolute end.' })
  expiresAt!: string;

  @ApiProperty({
    example: '2026-12-04T11:30:00.000Z',
    description: 'The end if unused until then; each request moves it on.',
  })
  idleExpiresAt!: string;
}

export const toSessionResponse = (session: SignedInSession): SessionResponseDto => ({ ...session });
