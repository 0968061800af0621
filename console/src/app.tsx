import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, useState } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { CONSOLE_MODULES, PUBLIC_ROUTES } from './modules';
import { resumeProviderSession } from './shell/auth/oidc';
import { AUTH_ROUTES } from './shell/auth/routes';
import { SignInPage } from './shell/auth/sign-in-page';
import { NotFoundPage } from './shell/errors';
import { ConsoleLayout } from './shell/layout';
import { YearProvider } from './shell/year';
import { currentSession, onSessionChange, type EndReason, type Session } from './shell/session';

type Locale = 'zh-CN' | 'en-US';

/**
 * Ant Design's theme with text and link colours that keep WCAG AA contrast (4.5:1) on white and on the
 * layout's grey: the defaults (secondary text at 45 % black, placeholders at 25 %, #1677ff links and
 * tags) fall short, and the browser tests' accessibility check fails on them.
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    // a primary button under the pointer keeps white text readable: antd's lighter hover reaches 3.6 to 1
    colorPrimaryHover: '#1e40af',
    colorPrimaryActive: '#1e3a8a',
    colorInfo: '#1d4ed8',
    colorLink: '#1d4ed8',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    // empty tables' 暂无数据 is text people read, not a disabled control: 0.25 reaches 1.9 to 1
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
    // status colours as text (form errors, danger links, warning and success tags): antd's #ff4d4f,
    // #faad14 and #52c41a reach 3.3, 1.9 and 2.3 to 1 on white; these reach 5.6, 5.4 and 5.6
    colorError: '#cf1322',
    colorWarning: '#ad4e00',
    colorSuccess: '#237804',
    // …and keep antd's light backgrounds (tags, alerts), which darker seeds would turn grey
    colorErrorBg: '#fff1f0',
    colorWarningBg: '#fff7e6',
    colorSuccessBg: '#f6ffed',
  },
  components: { Switch: { colorTextQuaternary: 'rgba(0, 0, 0, 0.58)', colorTextTertiary: 'rgba(0, 0, 0, 0.68)' } },
};

/** A query cache for one signed-in person: the next person starts with an empty one. */
const newQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      // a refused or missing record is an answer, not a network hiccup: no retries for GraphQL errors
      queries: {
        retry: (count, error) => count < 2 && (error as { code?: string }).code === 'NETWORK',
        staleTime: 5_000,
      },
    },
  });
let routers = 0;

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
  return createBrowserRouter([...AUTH_ROUTES, ...PUBLIC_ROUTES, ...signedIn], { basename: '/console' });
}

resumeProviderSession();

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
      }),
    [],
  );
  useEffect(() => {
    localStorage.setItem('jixiao.locale', locale);
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
  }, [locale]);
  // a new cache, router and RouterProvider (it keeps the state of the first router it is given) in the
  // very render the person changes in: no page of the previous person renders again, none stays blank
  const queries = useMemo(newQueryClient, [session]);
  const { router, key } = useMemo(
    () => ({ router: routerFor(session, reason, locale, setLocale), key: ++routers }),
    [session, reason, locale],
  );
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={THEME}
      // 提交, not 提 交: a two-character button's name is the word a screen reader and a label read
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queries}>
          <YearProvider>
            <RouterProvider key={key} router={router} />
          </YearProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
