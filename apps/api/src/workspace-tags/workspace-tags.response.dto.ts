import { ApiProperty } from '@nestjs/swagger';

export class WorkspaceTagsResponseDto {
  @ApiProperty({ format: 'uuid', example: '0b6a4c1e-5d7f-4a43-9e3b-8c2f1d0a7b65' })
  workspaceId!: string;

  @ApiProperty({ type: [String], example: ['almaty-rally', 'election-2021'] })
  tags!: string[];
}
