import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { commandExecutorProvider } from '../shared/command-executor.provider';
import { DiffSnapshotsHandler } from './diff-snapshots/diff-snapshots.handler';
import { DiffSnapshotsHttpController } from './diff-snapshots/diff-snapshots.http.controller';
import { GetSnapshotHandler } from './get-snapshot/get-snapshot.handler';
import { GetSnapshotHttpController } from './get-snapshot/get-snapshot.http.controller';
import { ListSnapshotsHandler } from './list-snapshots/list-snapshots.handler';
import { ListSnapshotsHttpController } from './list-snapshots/list-snapshots.http.controller';
import { PinSnapshotHandler } from './pin-snapshot/pin-snapshot.handler';
import { PinSnapshotHttpController } from './pin-snapshot/pin-snapshot.http.controller';
import { SnapshotPositions } from './snapshot-positions';

/** Snapshots pin the statistics for a report; SnapshotPositions serves `asOf=snapshot:<id>`. */
@Module({
  imports: [ProjectionsModule],
  controllers: [
    PinSnapshotHttpController,
    ListSnapshotsHttpController,
    GetSnapshotHttpController,
    DiffSnapshotsHttpController,
  ],
  providers: [
    commandExecutorProvider,
    PinSnapshotHandler,
    ListSnapshotsHandler,
    GetSnapshotHandler,
    DiffSnapshotsHandler,
    SnapshotPositions,
  ],
  exports: [SnapshotPositions],
})
export class SnapshotsModule {}
