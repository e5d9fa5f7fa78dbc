import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, requireMasterKey } from '@app/config';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { loadMasterKey } from './master-key';
import { EVIDENCE_STORAGE } from './evidence-storage.port';
import { NAME_INDEX } from './name-index.port';
import { PERSONAL_DATA_VAULT } from './personal-data-vault.port';
import { SqlKeyVault } from './sql-key-vault';
import { SqlEvidenceStorage } from './sql-evidence-storage';
import { SqlNameIndex } from './sql-name-index';

/** The vault of per-person keys and the name index, for every module that reads or writes personal data. */
@Module({})
export class ProtectionModule {
  /**
   * Throws the ConfigError naming MASTER_KEY before Nest starts, when server mode lacks it:
   * the process then stops with that one line. Only processes that read or write personal
   * data import this module (the api; the worker's projections never open a sealed field).
   */
  static forConfig(config: AppConfig): DynamicModule {
    requireMasterKey(config);
    return {
      module: ProtectionModule,
      global: true,
      providers: [
        {
          provide: PERSONAL_DATA_VAULT,
          inject: [SQL_CLIENT],
          useFactory: async (sql: SqlClient) => {
            const masterKey = await loadMasterKey(config);
            await SqlKeyVault.migrate(sql);
            return new SqlKeyVault(sql, masterKey);
          },
        },
        {
          provide: NAME_INDEX,
          inject: [SQL_CLIENT],
          useFactory: async (sql: SqlClient) => {
            const masterKey = await loadMasterKey(config);
            await SqlNameIndex.migrate(sql);
            return new SqlNameIndex(sql, masterKey);
          },
        },
        {
          provide: EVIDENCE_STORAGE,
          inject: [SQL_CLIENT],
          useFactory: async (sql: SqlClient) => {
            const masterKey = await loadMasterKey(config);
            await SqlEvidenceStorage.migrate(sql);
            return new SqlEvidenceStorage(sql, masterKey);
          },
        },
      ],
      exports: [PERSONAL_DATA_VAULT, NAME_INDEX, EVIDENCE_STORAGE],
    };
  }
}
