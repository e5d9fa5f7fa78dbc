import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from '@app/auth';

export class TokenSummaryDto {
  @ApiProperty({ format: 'uuid', description: 'For `DELETE /tokens/{id}`; never the token.' })
  id!: string;

  @ApiProperty({ example: '2026-11-28T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  expiresAt!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  revokedAt!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-11-28T10:05:00.000Z',
    description: 'To the minute.',
  })
  lastUsedAt!: string | null;
}

export class UserSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Monitor, Almaty office' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ example: '2026-11-28T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({
    example: false,
    description:
      'An authenticator app is enrolled. Someone without one cannot sign in where one is required of them: reset their sign-in to give them a link that enrols one.',
  })
  secondFactorEnrolled!: boolean;

  @ApiProperty({ type: [TokenSummaryDto] })
  tokens!: TokenSummaryDto[];
}

export class UserListResponseDto {
  @ApiProperty({ type: [UserSummaryDto] })
  users!: UserSummaryDto[];
}
