import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@app/config';
import { loadMasterKey } from '@app/protection';
import { AuditLog } from './audit-log';
import { BearerAuthGuard } from './bearer-auth.guard';
import { InvitationService } from './invitations/invitation.service';
import { PasskeyService } from './passkeys/passkey.service';
import { SecondFactorService } from './second-factor/second-factor.service';
import { TotpSecretBox } from './second-factor/totp-secret-box';
import { SessionService } from './sessions/session.service';
import { SignInService } from './sign-in/sign-in.service';
import { UserAccessService } from './sign-in/user-access.service';
import { TokenAuthService } from './token-auth.service';
import { WorkspaceDirectory } from './workspace-directory';

const SERVICES = [
  TokenAuthService,
  WorkspaceDirectory,
  AuditLog,
  SessionService,
  SignInService,
  InvitationService,
  SecondFactorService,
  UserAccessService,
  PasskeyService,
];

/**
 * Authentication for every route (BearerAuthGuard is global): API tokens for scripts, signed-in
 * sessions for people. Needs SQL_CLIENT and APP_CONFIG, which InfrastructureModule provides.
 */
@Module({
  providers: [
    ...SERVICES,
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    {
      provide: TotpSecretBox,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => new TotpSecretBox(await loadMasterKey(config)),
    },
  ],
  exports: SERVICES,
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
      publicOrigin: this.config.signIn.publicOrigin,
    });
  }
}
