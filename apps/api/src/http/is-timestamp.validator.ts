import { isISO8601, ValidateBy, ValidationOptions } from 'class-validator';

/**
 * An ISO 8601 calendar date or time that JavaScript's Date can read. `IsISO8601` alone also
 * accepts week and ordinal dates (`2020-W05`, `2020-035`), which `new Date` cannot read: the
 * handler's `toISOString()` then threw a RangeError, a 500 for user input.
 */
export function IsTimestamp(example: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          isISO8601(value, { strict: true, strictSeparator: true }) &&
          /^\d{4}-\d{2}-\d{2}/.test(value) &&
          !Number.isNaN(Date.parse(value)),
        defaultMessage: (args) =>
          `${args?.property ?? 'the value'} must be an ISO 8601 calendar date or time, e.g. ${example}`,
      },
    },
    options,
  );
}
