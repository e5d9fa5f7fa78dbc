import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { RevokeTokenHttpController } from './revoke-token/revoke-token.http.controller';

@Module({ imports: [AuthModule], controllers: [RevokeTokenHttpController] })
export class TokensModule {}
