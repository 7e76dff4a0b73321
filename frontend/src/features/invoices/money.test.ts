import { describe, expect, it } from 'vitest';
import { formatMoney, parseCents } from './money';

describe('invoice amounts', () => {
  it('reads German and English decimal input as cents', () => {
    expect(parseCents('80')).toBe(8000);
    expect(parseCents('80,5')).toBe(8050);
    expect(parseCents('80.05')).toBe(8005);
    expect(parseCents(' 1 ')).toBe(100);
  });
  it('refuses zero, negatives, three decimals and text', () => {
    for (const bad of ['0', '0,00', '-5', '1,234', 'abc', '', '1.000,00']) expect(parseCents(bad)).toBeNull();
  });
  it('formats in the locale', () => {
    expect(formatMoney(8050, 'EUR', 'de-DE')).toBe('80,50\u00a0€');
    expect(formatMoney(8050, 'EUR', 'en')).toBe('€80.50');
  });
});
