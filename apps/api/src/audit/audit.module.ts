import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '@app/auth';
import { AuditArmingInterceptor } from './audit-arming.interceptor';
import { AuditTrailMiddleware } from './audit-trail.middleware';
import { ListAuditHandler } from './list-audit/list-audit.handler';
import { ListAuditHttpController } from './list-audit/list-audit.http.controller';

/** The audit trail: every write and every read of personal detail, and GET /audit. */
@Module({
  imports: [AuthModule],
  controllers: [ListAuditHttpController],
  providers: [ListAuditHandler, { provide: APP_INTERCEPTOR, useClass: AuditArmingInterceptor }],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditTrailMiddleware).forRoutes('*');
  }
}
