import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AcceptInvitationHandler } from './accept-invitation/accept-invitation.handler';
import { CreateInvitationHandler } from './create-invitation/create-invitation.handler';
import { GetInvitationHandler } from './get-invitation/get-invitation.handler';
import { ListInvitationsHandler } from './list-invitations/list-invitations.handler';
import { ReissueInvitationHandler } from './reissue-invitation/reissue-invitation.handler';
import { RevokeInvitationHandler } from './revoke-invitation/revoke-invitation.handler';
import { AcceptInvitationHttpController } from './accept-invitation/accept-invitation.http.controller';
import { CreateInvitationHttpController } from './create-invitation/create-invitation.http.controller';
import { GetInvitationHttpController } from './get-invitation/get-invitation.http.controller';
import { ListInvitationsHttpController } from './list-invitations/list-invitations.http.controller';
import { ReissueInvitationHttpController } from './reissue-invitation/reissue-invitation.http.controller';
import { RevokeInvitationHttpController } from './revoke-invitation/revoke-invitation.http.controller';

/** Invitations: how a person gets a sign-in to a workspace. */
@Module({
  imports: [AuthModule],
  controllers: [
    CreateInvitationHttpController,
    ListInvitationsHttpController,
    RevokeInvitationHttpController,
    ReissueInvitationHttpController,
    GetInvitationHttpController,
    AcceptInvitationHttpController,
  ],
  providers: [
    CreateInvitationHandler,
    ListInvitationsHandler,
    RevokeInvitationHandler,
    ReissueInvitationHandler,
    GetInvitationHandler,
    AcceptInvitationHandler,
  ],
})
export class InvitationsModule {}
