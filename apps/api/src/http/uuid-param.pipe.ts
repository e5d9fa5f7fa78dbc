import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationException } from '@app/application/validation.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path parameter that must be a UUID: 400 problem+json naming the parameter otherwise.
 * Lower-cased, since stream names are built from it.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new ValidationException([
        {
          field: metadata.data ?? 'id',
          message: 'must be a UUID, e.g. 6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
        },
      ]);
    }
    return value.toLowerCase();
  }
}
