import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const NOT_BLANK = /\S/;

export class PinSnapshotRequestDto {
  @ApiProperty({
    example: 'Kadyr-Kasiyet annual report 2020',
    maxLength: 200,
    description: 'What the figures are published in.',
  })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({
    example: 'Figures quoted in the report published on 22 July 2021',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
