import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from '@app/auth';

export class WhoAmIResponseDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'admin' })
  userName!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The workspace (one per monitoring NGO) the token acts in.',
  })
  workspaceId!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;
}
