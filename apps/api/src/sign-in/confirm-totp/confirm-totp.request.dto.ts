import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ConfirmTotpRequestDto {
  @ApiProperty({ example: '123456', description: 'The current code of the app being enrolled.' })
  @IsString()
  @MaxLength(16)
  code!: string;
}
