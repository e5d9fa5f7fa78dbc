import { Module } from '@nestjs/common';
import { ReadModelsModule } from '@app/read-models';
import { commandExecutorProvider } from '@app/application/command-executor.provider';
import { ChangeTargetHandler } from './change-target/change-target.command';
import { GetTargetHandler } from './get-target/get-target.query';
import { TargetList } from './list-targets/list-targets';
import { ListTargetsHandler } from './list-targets/list-targets.query';
import { RegisterTargetHandler } from './register-target/register-target.command';
import { TARGET_STORE, targetStoreProvider } from './target-store.provider';

/** The use cases persons and organisations share, registered once for both kinds' controllers. */
@Module({
  imports: [ReadModelsModule],
  providers: [
    commandExecutorProvider,
    targetStoreProvider,
    TargetList,
    RegisterTargetHandler,
    GetTargetHandler,
    ListTargetsHandler,
    ChangeTargetHandler,
  ],
  exports: [TARGET_STORE],
})
export class TargetsModule {}
