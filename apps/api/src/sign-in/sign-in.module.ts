import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AddPasskeyHandler, PasskeyOptionsHandler } from './add-passkey/add-passkey.handler';
import { ConfirmTotpHandler } from './confirm-totp/confirm-totp.handler';
import { EnrolTotpHandler } from './enrol-totp/enrol-totp.handler';
import { ListOwnSessionsHandler } from './list-own-sessions/list-own-sessions.handler';
import { ListWorkspaceSessionsHandler } from './list-workspace-sessions/list-workspace-sessions.handler';
import { RevokeOwnSessionHandler } from './revoke-own-session/revoke-own-session.handler';
import { RevokeWorkspaceSessionHandler } from './revoke-workspace-session/revoke-workspace-session.handler';
import {
  GetSecondFactorPolicyHandler,
  SetSecondFactorPolicyHandler,
} from './second-factor-policy/second-factor-policy.handler';
import { SignInHandler } from './sign-in/sign-in.handler';
import { SignOutEverywhereHandler } from './sign-out-everywhere/sign-out-everywhere.handler';
import { SignOutHandler } from './sign-out/sign-out.handler';
import { AddPasskeyHttpController } from './add-passkey/add-passkey.http.controller';
import { ConfirmTotpHttpController } from './confirm-totp/confirm-totp.http.controller';
import { EnrolTotpHttpController } from './enrol-totp/enrol-totp.http.controller';
import { GetSessionHttpController } from './get-session/get-session.http.controller';
import { ListOwnSessionsHttpController } from './list-own-sessions/list-own-sessions.http.controller';
import { ListWorkspaceSessionsHttpController } from './list-workspace-sessions/list-workspace-sessions.http.controller';
import { RevokeOwnSessionHttpController } from './revoke-own-session/revoke-own-session.http.controller';
import { RevokeWorkspaceSessionHttpController } from './revoke-workspace-session/revoke-workspace-session.http.controller';
import { SecondFactorPolicyHttpController } from './second-factor-policy/second-factor-policy.http.controller';
import { SignInHttpController } from './sign-in/sign-in.http.controller';
import { SignOutEverywhereHttpController } from './sign-out-everywhere/sign-out-everywhere.http.controller';
import { SignOutHttpController } from './sign-out/sign-out.http.controller';

/** Sign-in for people: sessions, the second factor, and their management by admins. */
@Module({
  imports: [AuthModule],
  controllers: [
    SignInHttpController,
    GetSessionHttpController,
    SignOutHttpController,
    SignOutEverywhereHttpController,
    ListOwnSessionsHttpController,
    RevokeOwnSessionHttpController,
    ListWorkspaceSessionsHttpController,
    RevokeWorkspaceSessionHttpController,
    EnrolTotpHttpController,
    ConfirmTotpHttpController,
    SecondFactorPolicyHttpController,
    AddPasskeyHttpController,
  ],
  providers: [
    SignInHandler,
    SignOutHandler,
    SignOutEverywhereHandler,
    ListOwnSessionsHandler,
    RevokeOwnSessionHandler,
    ListWorkspaceSessionsHandler,
    RevokeWorkspaceSessionHandler,
    EnrolTotpHandler,
    ConfirmTotpHandler,
    GetSecondFactorPolicyHandler,
    SetSecondFactorPolicyHandler,
    PasskeyOptionsHandler,
    AddPasskeyHandler,
  ],
})
export class SignInModule {}
