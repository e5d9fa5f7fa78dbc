import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { RevokeTokenHandler } from './revoke-token/revoke-token.handler';
import { RevokeTokenHttpController } from './revoke-token/revoke-token.http.controller';

@Module({
  imports: [AuthModule],
  controllers: [RevokeTokenHttpController],
  providers: [RevokeTokenHandler],
})
export class TokensModule {}
