import { Module } from '@nestjs/common';
import { CreateBackupHandler } from './create-backup/create-backup.handler';
import { CreateBackupHttpController } from './create-backup/create-backup.http.controller';

/** Backups of a running deployment; restore is the CLI's (into an empty one). */
@Module({
  controllers: [CreateBackupHttpController],
  providers: [CreateBackupHandler],
})
export class BackupsModule {}
