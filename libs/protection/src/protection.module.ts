import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AppConfig, requireMasterKey } from '@app/config';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { loadMasterKey } from './master-key';
import { EVIDENCE_STORAGE } from './evidence-storage.port';
import { NAME_INDEX } from './name-index.port';
import { PERSONAL_DATA_VAULT } from './personal-data-vault.port';
import { SqlKeyVault } from './sql-key-vault';
import { SqlEvidenceStorage } from './sql-evidence-storage';
import { SqlNameIndex } from './sql-name-index';
import { SqlUploadStorage } from './sql-upload-storage';
import { UPLOAD_STORAGE } from './upload-storage.port';

/** A store of sealed data: its tables migrated, opened with the master key. */
interface SealedStore<T> {
  migrate(sql: SqlClient): Promise<unknown>;
  new (sql: SqlClient, masterKey: Buffer): T;
}

/** The vault of per-person keys and the name index, for every module that reads or writes personal data. */
@Module({})
export class ProtectionModule {
  /**
   * Throws the ConfigError naming MASTER_KEY before Nest starts, when server mode lacks it:
   * the process then stops with that one line. Only processes that read or write personal
   * data import this module (the api; the worker when it runs jobs). Every process opens
   * incidents' sealed free text through the event store (libs/infrastructure/src/sealed-text),
   * which loads the master key itself.
   */
  static forConfig(config: AppConfig): DynamicModule {
    requireMasterKey(config);
    const sealed = <T>(token: symbol, store: SealedStore<T>): Provider => ({
      provide: token,
      inject: [SQL_CLIENT],
      useFactory: async (sql: SqlClient) => {
        const masterKey = await loadMasterKey(config);
        await store.migrate(sql);
        return new store(sql, masterKey);
      },
    });
    return {
      module: ProtectionModule,
      global: true,
      providers: [
        sealed(PERSONAL_DATA_VAULT, SqlKeyVault),
        sealed(NAME_INDEX, SqlNameIndex),
        sealed(EVIDENCE_STORAGE, SqlEvidenceStorage),
        sealed(UPLOAD_STORAGE, SqlUploadStorage),
      ],
      exports: [PERSONAL_DATA_VAULT, NAME_INDEX, EVIDENCE_STORAGE, UPLOAD_STORAGE],
    };
  }
}
