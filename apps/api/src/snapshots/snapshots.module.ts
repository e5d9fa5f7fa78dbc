import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { DiffSnapshotsHandler } from './diff-snapshots/diff-snapshots.handler';
import { DiffSnapshotsHttpController } from './diff-snapshots/diff-snapshots.http.controller';
import { GetSnapshotHandler } from './get-snapshot/get-snapshot.handler';
import { GetSnapshotHttpController } from './get-snapshot/get-snapshot.http.controller';
import { ListSnapshotsHandler } from './list-snapshots/list-snapshots.handler';
import { ListSnapshotsHttpController } from './list-snapshots/list-snapshots.http.controller';
import { SnapshotCommandsModule } from '@app/application/snapshots/snapshot-commands.module';
import { PinSnapshotHttpController } from './pin-snapshot/pin-snapshot.http.controller';

/** Snapshots pin the statistics for a report; SnapshotPositions serves `asOf=snapshot:<id>`. */
@Module({
  imports: [ProjectionsModule, SnapshotCommandsModule],
  controllers: [
    PinSnapshotHttpController,
    ListSnapshotsHttpController,
    GetSnapshotHttpController,
    DiffSnapshotsHttpController,
  ],
  providers: [ListSnapshotsHandler, GetSnapshotHandler, DiffSnapshotsHandler],
  exports: [ProjectionsModule],
})
export class SnapshotsModule {}
