import { ApiProperty } from '@nestjs/swagger';

export class RecoveryCodesResponseDto {
  @ApiProperty({
    type: [String],
    example: ['7k2m-9qrt-x4vw-3hjc'],
    description:
      'Ten one-time codes that stand in for the app (a lost phone). Shown this once: write them down.',
  })
  recoveryCodes!: string[];
}
