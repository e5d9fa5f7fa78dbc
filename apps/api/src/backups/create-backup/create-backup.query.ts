import { Query } from '@nestjs/cqrs';

/** The archive of the whole deployment, encrypted to `recipient`. */
export class CreateBackupQuery extends Query<Uint8Array> {
  constructor(readonly recipient: string) {
    super();
  }
}
