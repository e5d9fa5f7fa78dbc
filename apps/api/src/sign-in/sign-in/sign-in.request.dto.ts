import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SignInRequestDto {
  @ApiProperty({ example: 'aigerim' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  login!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({
    example: '123456',
    description:
      'Once a second factor is enrolled: the code of the authenticator app, or one of the recovery codes.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;
}
