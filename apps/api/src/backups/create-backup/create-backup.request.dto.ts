import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AGE_RECIPIENT } from '@app/backup';

export class CreateBackupRequestDto {
  @ApiProperty({
    description:
      'An age X25519 public key (`age1…`) to encrypt the archive to. `npm run cli -- backup` makes one for each transfer and encrypts the archive again with the passphrase.',
    example: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
  })
  @Matches(AGE_RECIPIENT, { message: 'recipient must be an age X25519 public key (age1…)' })
  recipient!: string;
}
