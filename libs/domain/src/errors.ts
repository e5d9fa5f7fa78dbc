/** One problem with one input field, named by its path in the request (`targets.0.category`). */
export interface FieldError {
  field: string;
  message: string;
  /** The allowed values, where the field takes a code from a vocabulary. */
  allowed?: readonly string[];
}

/**
 * A refused command. `kind` tells the API how to answer: `invalid` (400, with field errors),
 * `not_found` (404), `conflict` (409: the current state forbids it), `rule` (422: a business
 * rule, such as verification needing two independent sources).
 */
export class DomainError extends Error {
  constructor(
    readonly kind: 'invalid' | 'not_found' | 'conflict' | 'rule',
    readonly code: string,
    message: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalid(errors: readonly FieldError[]): DomainError {
    return new DomainError(
      'invalid',
      'invalid_input',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  }
}
