/** "80", "80,50", "80.5" -> 8050 cents; null for anything else (no negative, at most two decimals). */
export function parseCents(input: string): number | null {
  const m = input.trim().match(/^(\d{1,7})(?:[.,](\d{1,2}))?$/);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
  return cents >= 1 ? cents : null;
}

export function formatMoney(cents: number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}
