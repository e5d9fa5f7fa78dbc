import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CreateUserResponseDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ format: 'uuid', description: 'Revoke it with `DELETE /tokens/{tokenId}`.' })
  tokenId!: string;

  @ApiProperty({
    example: 'rl_8e1d4c7b2a9f4e6d8c3b1a0f9e8d7c6b_Zp4Lq8Tn2Vx6Rc0Hm3Jw9Ks5Fb1Dg7Ya4Ue2Oi8Nt6Cl',
    description: "The user's API token, shown this once: only its argon2 hash is kept.",
  })
  token!: string;

  @ApiPropertyOptional({ example: '2027-06-30T00:00:00.000Z' })
  expiresAt?: string;
}
