import { ApiProperty } from '@nestjs/swagger';

export class WorkspacePublicityResponseDto {
  @ApiProperty({ format: 'uuid', example: '0b6a4c1e-5d7f-4a43-9e3b-8c2f1d0a7b65' })
  workspaceId!: string;

  @ApiProperty({ example: true })
  enabled!: boolean;
}
