import {
  comparePositions,
  decodePosition,
  encodePosition,
  InvalidPosition,
  parsePosition,
  START,
} from './position';

describe('positions', () => {
  it('encode fixed-width fields whose string order is the numeric order', () => {
    const a = encodePosition('9', 99n);
    const b = encodePosition(10, '1');
    expect(a).toBe('00000000000000000009.00000000000000000099');
    expect(comparePositions(a, b)).toBe(-1);
    expect(comparePositions(START, a)).toBe(-1);
    expect(decodePosition(b, 2)).toEqual([10n, 1n]);
    expect(decodePosition(START, 2)).toEqual([0n, 0n]);
    expect(encodePosition('18446744073709551615')).toBe('18446744073709551615');
  });

  it('refuses negative, oversized and malformed values', () => {
    expect(() => encodePosition(-1)).toThrow(RangeError);
    expect(() => encodePosition('184467440737095516150')).toThrow(RangeError);
    expect(() => parsePosition('12.x')).toThrow(InvalidPosition);
    expect(() => decodePosition(encodePosition(1), 2)).toThrow(InvalidPosition);
    expect(parsePosition('')).toBe(START);
  });
});
