/** Typing an exact z (review/typedZ.ts): what is taken, and the one line for what is refused. */
import { describe, expect, it } from 'vitest';
import { parseTypedZ } from '../../../src-renderer/review/typedZ';
import { Z_RANGE } from '../../../shared/ranges';

describe('typed z', () => {
  it('takes a number within the schema range, trimmed and on the [ ] keys grid', () => {
    expect(parseTypedZ(' 0.1234 ')).toEqual({ ok: true, z: 0.1234 });
    expect(parseTypedZ('2.5')).toEqual({ ok: true, z: 2.5 });
    expect(parseTypedZ('-0.0004')).toEqual({ ok: true, z: -0.0004 });
    expect(parseTypedZ('1e-3')).toEqual({ ok: true, z: 0.001 });
    expect(parseTypedZ(String(Z_RANGE.max))).toEqual({ ok: true, z: Z_RANGE.max });
    expect(parseTypedZ('0.12345678')).toEqual({ ok: true, z: 0.123457 });
  });

  it('refuses a value outside Z_RANGE in one line naming the range', () => {
    expect(parseTypedZ('9')).toEqual({ ok: false, message: 'z must be within -0.1 … 8, got 9' });
    expect(parseTypedZ('-0.5')).toEqual({ ok: false, message: 'z must be within -0.1 … 8, got -0.5' });
  });

  it('refuses text and blanks', () => {
    expect(parseTypedZ('abc')).toEqual({ ok: false, message: '"abc" is not a number; type a redshift such as 0.1234' });
    expect(parseTypedZ('  ').ok).toBe(false);
    expect(parseTypedZ('0.1.2').ok).toBe(false);
  });
});
