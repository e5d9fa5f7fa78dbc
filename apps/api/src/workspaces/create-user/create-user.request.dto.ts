import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsTimestamp } from '../../http/is-timestamp.validator';
import { ROLES } from '@app/auth';
import type { Role } from '@app/auth';
import { DISPLAY_NAME } from '../create-workspace/create-workspace.request.dto';

export class CreateUserRequestDto {
  @ApiProperty({
    example: 'Monitor, Almaty office',
    description: 'How the user appears in histories and the user list; a role name will do.',
    maxLength: 200,
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  @Matches(DISPLAY_NAME, { message: 'name must not contain control characters' })
  name!: string;

  @ApiProperty({
    enum: ROLES,
    example: 'monitor',
    description:
      'admin: everything in the workspace, and its users; monitor: records and corrects; ' +
      'verifier: verifies, retracts, merges; analyst: statistics and redacted detail; ' +
      'public: aggregates only.',
  })
  @IsIn(ROLES, { context: { allowed: ROLES } })
  role!: Role;

  @ApiPropertyOptional({
    example: '2027-06-30T00:00:00Z',
    description: 'When the token stops working (ISO 8601, in the future). Default: never.',
  })
  @IsOptional()
  @IsTimestamp('2027-06-30T00:00:00Z')
  expiresAt?: string;
}
