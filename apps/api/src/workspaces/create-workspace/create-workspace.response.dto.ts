import { ApiProperty } from '@nestjs/swagger';

export class CreateWorkspaceResponseDto {
  @ApiProperty({ format: 'uuid', example: '3b0c7f52-8d7a-4a1e-9f7e-5c2b1a0d9e33' })
  id!: string;

  @ApiProperty({ example: 'Kadyr-Kasiyet' })
  name!: string;

  @ApiProperty({ format: 'uuid', description: "The workspace's first admin user." })
  adminUserId!: string;

  @ApiProperty({ format: 'uuid', description: 'Revoke it with `DELETE /tokens/{adminTokenId}`.' })
  adminTokenId!: string;

  @ApiProperty({
    example: 'rl_3f9c0d2e6b7a4c1d8e5f0a9b8c7d6e5f_kq3M8Yb2Xc1T9pWv6Zr0Ld4Hs7Nf2Ja5Ue8Gi1Oy3Bm',
    description: 'The admin API token, shown this once: only its argon2 hash is kept.',
  })
  adminToken!: string;
}
