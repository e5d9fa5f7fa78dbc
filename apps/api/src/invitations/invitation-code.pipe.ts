import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidationException } from '@app/application/validation.exception';

/** An invitation code as we issue them (32 random bytes, base64url): 400 naming `code` if not. */
@Injectable()
export class InvitationCodePipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
      throw new ValidationException([
        { field: 'code', message: 'must be the code of an invitation link (43 characters)' },
      ]);
    }
    return value;
  }
}
