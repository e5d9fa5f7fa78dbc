import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';

// Letters, digits, punctuation and spaces: no control characters in names shown to admins.
export const DISPLAY_NAME = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u;

export class CreateWorkspaceRequestDto {
  @ApiProperty({
    example: 'Kadyr-Kasiyet',
    description: 'The monitoring NGO (or team) the workspace is for.',
    maxLength: 200,
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  @Matches(DISPLAY_NAME, { message: 'name must not contain control characters' })
  name!: string;
}
