import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@app/auth';
import type { Role } from '@app/auth';

/** A new invitation link: shown once, passed on by a channel the NGO trusts. */
export class IssuedInvitationResponseDto {
  @ApiProperty({ format: 'uuid' })
  invitationId!: string;

  @ApiProperty({
    example: 'http://localhost:3000/invite?code=Q2hhbmdlIG1lIGFuZCBrZWVwIGl0IHNlY3JldC4',
  })
  url!: string;

  @ApiProperty({ example: '2026-12-11T10:00:00.000Z', description: 'One use, 7 days.' })
  expiresAt!: string;
}

export class InvitationSummaryDto {
  @ApiProperty({ format: 'uuid' })
  invitationId!: string;

  @ApiProperty({ example: 'Monitor 1' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The existing user it signs in (a reset of the sign-in); null for a new person.',
  })
  userId!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  expiresAt!: string;

  @ApiProperty({ nullable: true, type: String })
  usedAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  revokedAt!: string | null;

  @ApiProperty({ enum: ['pending', 'used', 'revoked', 'expired'] })
  status!: 'pending' | 'used' | 'revoked' | 'expired';
}

export class InvitationListResponseDto {
  @ApiProperty({ type: [InvitationSummaryDto], description: 'Newest first; never a link.' })
  invitations!: InvitationSummaryDto[];
}

/** What the invitation page shows before the person accepts. */
export class InvitationPreviewResponseDto {
  @ApiProperty({ example: 'Monitor 1' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ example: 'Bureau for Human Rights' })
  workspaceName!: string;

  @ApiProperty()
  expiresAt!: string;

  @ApiProperty({ description: 'The person must enrol an authenticator app after accepting.' })
  secondFactorRequired!: boolean;
}
