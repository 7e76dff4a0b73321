import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nContext, formattingLocale, initialLang, translate, type Lang } from '../i18n/i18n';
import { ApiError } from '../lib/api/errors';

const LANG_KEY = 'practicecal.lang';

// respectReducedMotion: users who ask their system for less motion get dialogs without fade/slide transitions.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, defaultRadius: 'sm', respectReducedMotion: true });

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [lang, setLangState] = useState<Lang>(() =>
    initialLang(globalThis.navigator?.language, globalThis.localStorage?.getItem(LANG_KEY) ?? null),
  );
  const setLang = useCallback((l: Lang) => {
    globalThis.localStorage?.setItem(LANG_KEY, l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo(() => ({ lang, locale: formattingLocale(lang, globalThis.navigator?.language), setLang, t: (k: string, p?: Record<string, string | number>) => translate(lang, k, p) }), [lang, setLang]);
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
