import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { CONSOLE_MODULES, PUBLIC_ROUTES } from './modules';
import { SignInPage } from './shell/auth/sign-in-page';
import { NotFoundPage } from './shell/errors';
import { ConsoleLayout } from './shell/layout';
import { YearProvider } from './shell/year';
import { currentSession, onSessionChange, type EndReason, type Session } from './shell/session';

type Locale = 'zh-CN' | 'en-US';

const queries = new QueryClient({
  defaultOptions: {
    // a refused or missing record is an answer, not a network hiccup: no retries for GraphQL errors
    queries: {
      retry: (count, error) => count < 2 && (error as { code?: string }).code === 'NETWORK',
      staleTime: 5_000,
    },
  },
});

function routerFor(session: Session | null, reason: EndReason | null, locale: Locale, onLocale: (l: Locale) => void) {
  const signedIn: RouteObject[] = session
    ? [
        {
          path: '/',
          element: <ConsoleLayout session={session} locale={locale} onLocale={onLocale} />,
          children: [...CONSOLE_MODULES.flatMap((module) => module.routes), { path: '*', element: <NotFoundPage /> }],
        },
      ]
    : [{ path: '*', element: <SignInPage reason={reason} /> }];
  return createBrowserRouter([...PUBLIC_ROUTES, ...signedIn], { basename: '/console' });
}

/** The console: the sign-in page until someone signs in, then the menu and pages their role sees. */
export function ConsoleApp() {
  const [session, setSession] = useState<Session | null>(currentSession());
  const [reason, setReason] = useState<EndReason | null>(null);
  const [locale, setLocale] = useState<Locale>((localStorage.getItem('jixiao.locale') as Locale | null) ?? 'zh-CN');
  useEffect(
    () =>
      onSessionChange((ended) => {
        setReason(ended);
        setSession(currentSession());
        queries.clear();
      }),
    [],
  );
  useEffect(() => {
    localStorage.setItem('jixiao.locale', locale);
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
  }, [locale]);
  // the router is rebuilt when the person changes, so no page of the previous person stays mounted
  const [router, setRouter] = useState(() => routerFor(session, reason, locale, setLocale));
  useEffect(() => setRouter(routerFor(session, reason, locale, setLocale)), [session, reason, locale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1d4ed8' } }}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <YearProvider>
            <RouterProvider router={router} />
          </YearProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
