import { describe, expect, it } from 'vitest';
import { catalogs, formattingLocale, initialLang, translate } from './i18n';

describe('messages', () => {
  it('German first: any browser language but English gets German; a saved choice wins', () => {
    expect(initialLang('fr-FR', null)).toBe('de');
    expect(initialLang('en-US', null)).toBe('en');
    expect(initialLang('en-US', 'de')).toBe('de');
  });

  it('dates follow the browser locale when it speaks the chosen language', () => {
    expect(formattingLocale('de', 'de-AT')).toBe('de-AT');
    expect(formattingLocale('en', 'en-US')).toBe('en-US');
    expect(formattingLocale('de', 'en-US')).toBe('de-DE');
  });

  it('placeholders are filled, gender-neutral wording in German', () => {
    expect(translate('de', 'calendar.timeZone', { zone: 'Europe/Berlin' })).toBe('Zeitzone der Praxis: Europe/Berlin');
    expect(translate('de', 'booking.clientName')).toBe('Name der Klienty');
    expect(translate('en', 'booking.clientName')).toBe('Client name');
  });

  it('every message has both a German and an English text', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.de).sort());
  });
});
