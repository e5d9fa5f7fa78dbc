import { Provider } from '@nestjs/common';
import { CommandExecutor } from '@app/application';
import { NAME_INDEX, NameIndex, PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/protection';
import { TargetStore } from '@app/application/targets/target.commands';

export const TARGET_STORE = Symbol('TargetStore');

/** The executor, the key vault and the name index, for the persons' and organisations' use cases. */
export const targetStoreProvider: Provider = {
  provide: TARGET_STORE,
  inject: [CommandExecutor, PERSONAL_DATA_VAULT, NAME_INDEX],
  useFactory: (
    executor: CommandExecutor,
    vault: PersonalDataVault,
    nameIndex: NameIndex,
  ): TargetStore => ({ executor, vault, nameIndex }),
};
