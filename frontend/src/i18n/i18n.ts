import { createContext, useContext } from 'react';
import de from './de.json';
import en from './en.json';

export type Lang = 'de' | 'en';
export type Messages = Record<string, string>;
export const catalogs: Record<Lang, Messages> = { de, en };

/** German first: any browser language other than English gets German. */
export function initialLang(navigatorLanguage: string | undefined, saved: string | null): Lang {
  if (saved === 'de' || saved === 'en') return saved;
  return navigatorLanguage?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/** Message lookup with {name} placeholders; a key missing in English falls back to German, then to the key. */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const text = catalogs[lang][key] ?? catalogs.de[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type T = (key: string, params?: Record<string, string | number>) => string;

/** The browser's locale when it speaks the chosen language (de-AT, en-US ...), else the language itself. */
export function formattingLocale(lang: Lang, browser: string | undefined): string {
  return browser && browser.toLowerCase().startsWith(lang) ? browser : lang === 'de' ? 'de-DE' : 'en-GB';
}

export const I18nContext = createContext<{ lang: Lang; locale: string; t: T; setLang: (l: Lang) => void }>({
  lang: 'de',
  locale: 'de-DE',
  t: (k, p) => translate('de', k, p),
  setLang: () => undefined,
});

export function useT() {
  return useContext(I18nContext);
}
