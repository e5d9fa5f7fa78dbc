import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AuditLog } from './audit-log';
import { BearerAuthGuard } from './bearer-auth.guard';
import { TokenAuthService } from './token-auth.service';
import { WorkspaceDirectory } from './workspace-directory';

/**
 * Bearer-token authentication for every route (BearerAuthGuard is global). Needs SQL_CLIENT
 * and APP_CONFIG, which InfrastructureModule provides.
 */
@Module({
  providers: [
    TokenAuthService,
    WorkspaceDirectory,
    AuditLog,
    { provide: APP_GUARD, useClass: BearerAuthGuard },
  ],
  exports: [TokenAuthService, WorkspaceDirectory, AuditLog],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: TokenAuthService,
  ) {}

  // Runs before the server listens: the first request already finds the admin and its token.
  async onApplicationBootstrap(): Promise<void> {
    await this.auth.bootstrap({
      bootstrapToken: this.config.bootstrapAdminToken,
      mode: this.config.mode,
    });
  }
}
