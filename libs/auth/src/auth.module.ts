import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@app/config';
import { BearerAuthGuard } from './bearer-auth.guard';
import { TokenAuthService } from './token-auth.service';

/**
 * Bearer-token authentication for every route (BearerAuthGuard is global). Needs SQL_CLIENT
 * and APP_CONFIG, which InfrastructureModule provides.
 */
@Module({
  providers: [TokenAuthService, { provide: APP_GUARD, useClass: BearerAuthGuard }],
  exports: [TokenAuthService],
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
