import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

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

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "Instead of `code`, for a person with a passkey: the browser's answer " +
      '(navigator.credentials.get) to the `passkeyOptions` of the 401 that asked for a second factor.',
  })
  @IsOptional()
  @IsObject()
  passkey?: Record<string, unknown>;
}
