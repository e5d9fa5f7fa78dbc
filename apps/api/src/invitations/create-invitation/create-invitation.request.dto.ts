import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '@app/auth';
import type { Role } from '@app/auth';

export class CreateInvitationRequestDto {
  @ApiProperty({ example: 'Monitor 1', description: 'How the person is shown to colleagues.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/^[^\p{Cc}\p{Cf}]*$/u, { message: 'name must not contain control characters' })
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'monitor' })
  @IsIn(ROLES)
  role!: Role;
}
