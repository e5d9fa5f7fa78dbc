import { openUnderMasterKey, sealUnderMasterKey } from '@app/protection';

/**
 * TOTP secrets at rest: sealed under the master key, bound to their user, so a copy of the
 * database (a backup, a seized disk) does not yield the codes of anyone's authenticator app.
 * The pending and the enrolled secret share one binding: confirming moves the sealed bytes.
 */
export class TotpSecretBox {
  constructor(private readonly masterKey: Buffer) {}

  /** Base64 of the sealed secret, for `decode($n, 'base64')` into a bytea column. */
  seal(userId: string, secret: string): string {
    return sealUnderMasterKey(this.masterKey, secret, context(userId)).toString('base64');
  }

  /** The secret from base64 of the sealed bytes (`encode(column, 'base64')`). */
  open(userId: string, sealed: string): string {
    return openUnderMasterKey(this.masterKey, Buffer.from(sealed, 'base64'), context(userId));
  }
}

const context = (userId: string) => `totp-secret:${userId}`;
