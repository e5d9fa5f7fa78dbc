import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AuditTrailMiddleware } from './audit-trail.middleware';
import { ListAuditHttpController } from './list-audit/list-audit.http.controller';

/** The audit trail: every write and every read of personal detail, and GET /audit. */
@Module({ imports: [AuthModule], controllers: [ListAuditHttpController] })
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditTrailMiddleware).forRoutes('*');
  }
}
