import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Observable } from 'rxjs';
import { AuditedRequest } from './audit-trail.middleware';

/**
 * Arms the request's audit entry once the guards have let it through: from here on, the first
 * transaction that writes is the change, and the entry commits with it, with the status the
 * route answers on success (its @HttpCode, else 201 for POST and 200 otherwise).
 */
@Injectable()
export class AuditArmingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as
      number | undefined;
    request.auditRecord?.arm(declared ?? (request.method === 'POST' ? 201 : 200));
    return next.handle();
  }
}
