import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { encryptToRecipient, readBackup, serialiseBackup } from '@app/backup';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { DomainError } from '@app/domain';
import { loadMasterKey } from '@app/protection';
import { CreateBackupQuery } from './create-backup.query';

@QueryHandler(CreateBackupQuery)
export class CreateBackupHandler implements IQueryHandler<CreateBackupQuery> {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ recipient }: CreateBackupQuery): Promise<Uint8Array> {
    if (this.config.eventStore.kind !== 'postgres') {
      // KurrentDB keeps the events: its own backups hold them (docs/operations.md).
      throw new DomainError(
        'conflict',
        'backup_needs_postgres_event_store',
        'backups hold the event log of the PostgreSQL event store; with KurrentDB use its own backups',
      );
    }
    const content = await readBackup(this.sql, await loadMasterKey(this.config));
    return encryptToRecipient(serialiseBackup(content), recipient);
  }
}
