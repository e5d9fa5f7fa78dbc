import { BadRequestException, ValidationError } from '@nestjs/common';

export interface FieldProblem {
  /** Dotted path of the property in the request, e.g. `targets.0.category`. */
  field: string;
  message: string;
  /** The values the field accepts, where a closed list exists. */
  allowed?: readonly unknown[];
}

// A body with thousands of bad items must not produce a response of the same size.
const MAX_FIELD_PROBLEMS = 100;

/** A request that failed DTO validation: rendered as 400 problem+json naming each field. */
export class ValidationException extends BadRequestException {
  constructor(readonly fields: readonly FieldProblem[]) {
    super('The request has invalid fields.');
  }

  /**
   * The ValidationPipe's `exceptionFactory`. DTOs name the allowed values of a closed list in
   * the decorator's context, e.g. `@IsIn(KINDS, { context: { allowed: KINDS } })`.
   */
  static fromValidationErrors(errors: readonly ValidationError[]): ValidationException {
    return new ValidationException(fieldProblems(errors).slice(0, MAX_FIELD_PROBLEMS));
  }
}

function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      const allowed: unknown = error.contexts?.[constraint]?.allowed;
      return Array.isArray(allowed) ? { field, message, allowed } : { field, message };
    });
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}
