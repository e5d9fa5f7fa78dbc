import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class AcceptInvitationRequestDto {
  @ApiProperty({
    example: 'aigerim',
    description:
      '3 to 64 letters, digits, dots, dashes, underscores or @; unique; case does not matter.',
  })
  @IsString()
  @MaxLength(64)
  login!: string;

  @ApiProperty({
    example: 'tulip kettle orbit seventeen',
    description:
      'At least 12 characters, not on the shipped list of common and breached passwords, not containing the sign-in name or the name.',
  })
  @IsString()
  @MaxLength(256)
  password!: string;
}
