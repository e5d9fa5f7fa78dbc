import { ApiProperty } from '@nestjs/swagger';

export class TotpEnrolmentResponseDto {
  @ApiProperty({
    example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    description: 'The secret in base32, for typing into an authenticator app.',
  })
  secret!: string;

  @ApiProperty({
    example:
      'otpauth://totp/rights-ledger:aigerim?issuer=rights-ledger&secret=JBSW…&algorithm=SHA1&digits=6&period=30',
    description: 'The same secret as an otpauth:// URL, for a QR code.',
  })
  otpauthUrl!: string;
}
