import { LogoutOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useMemo } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { CONSOLE_MODULES } from '../modules';
import { signOut } from './auth/sign-out';
import { PageBoundary } from './errors';
import { can } from './policy';
import { YearPicker } from './year';
import { ROLE_LABELS } from './roles';
import type { Session } from './session';

/** The menu the person's role sees: each context's entries whose operation the policy allows them. */
export function menuFor(session: Session): ItemType[] {
  const { role } = session.identity;
  return CONSOLE_MODULES.flatMap((module): ItemType[] => {
    const entries = module.menu.filter((entry) => can(role, entry.operation));
    if (entries.length === 0) return [];
    const items = entries
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
      .map((entry) => ({ key: entry.path, icon: entry.icon, label: <Link to={entry.path}>{entry.label}</Link> }));
    return module.menu.length === 1 && module.name === 'home'
      ? items
      : [{ key: module.name, icon: module.icon, label: module.title, children: items }];
  });
}

/** The console's frame: the left-hand menu by role, the header with the person, language and sign-out. */
export function ConsoleLayout({
  session,
  locale,
  onLocale,
}: {
  session: Session;
  locale: 'zh-CN' | 'en-US';
  onLocale: (locale: 'zh-CN' | 'en-US') => void;
}) {
  const location = useLocation();
  const items = useMemo(() => menuFor(session), [session]);
  const selected = location.pathname === '/' ? '/' : `/${location.pathname.split('/')[1] ?? ''}`;
  const { identity } = session;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0} theme="dark">
        {/* the console's one h1; each page titles itself with an h2 */}
        <h1 style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 20px', margin: 0 }}>绩效管理平台</h1>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={items.map((item) => String(item?.key))}
            items={items}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            gap: 16,
            paddingInline: 24,
          }}
        >
          <YearPicker />
          <Button
            type="text"
            icon={<TranslationOutlined />}
            onClick={() => onLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
            aria-label={`${locale === 'zh-CN' ? 'English' : '中文'}：切换语言 (switch language)`}
          >
            {locale === 'zh-CN' ? 'English' : '中文'}
          </Button>
          <Dropdown
            menu={{
              items: [{ key: 'sign-out', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void signOut() }],
            }}
          >
            <Space data-testid="current-user" style={{ cursor: 'pointer' }}>
              <UserOutlined aria-hidden />
              <Typography.Text>{identity.name}</Typography.Text>
              <Tag color="blue">{ROLE_LABELS[identity.role]}</Tag>
            </Space>
          </Dropdown>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            退出
          </Button>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          {/* Layout.Content is the page's <main> landmark already */}
          <div>
            <PageBoundary key={location.pathname}>
              <Outlet />
            </PageBoundary>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
