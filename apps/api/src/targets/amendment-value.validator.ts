import { ValidateBy } from 'class-validator';

const MAX_TEXT = 20_000;

/**
 * The shape of an amended value: text, a whole number (birthYear), or null to clear an
 * optional field. Whether it suits the field (a known code, a plausible year) is the domain's call.
 */
export function IsAmendmentValue(): PropertyDecorator {
  return ValidateBy({
    name: 'isAmendmentValue',
    validator: {
      validate: (value: unknown) =>
        value === null ||
        Number.isInteger(value) ||
        (typeof value === 'string' && value.length <= MAX_TEXT),
      defaultMessage: () =>
        `value must be text (at most ${MAX_TEXT} characters), a whole number, or null to clear the field`,
    },
  });
}
