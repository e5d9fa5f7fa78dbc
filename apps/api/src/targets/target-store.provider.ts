import { Provider } from '@nestjs/common';
import { CommandExecutor } from '@app/application';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/protection';
import { TargetStore } from '@app/application/targets/target.commands';

export const TARGET_STORE = Symbol('TargetStore');

/** The executor and the key vault, for the persons' and organisations' use cases. */
export const targetStoreProvider: Provider = {
  provide: TARGET_STORE,
  inject: [CommandExecutor, PERSONAL_DATA_VAULT],
  useFactory: (executor: CommandExecutor, vault: PersonalDataVault): TargetStore => ({
    executor,
    vault,
  }),
};
