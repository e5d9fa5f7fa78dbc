import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsString, Length } from 'class-validator';

export class SetWorkspaceTagsRequestDto {
  @ApiProperty({
    type: [String],
    example: ['almaty-rally', 'election-2021'],
    description:
      'The whole list, replacing the previous one. Campaigns, events, places: never a person.',
  })
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  tags!: string[];
}
