import { Alert, Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { GqlError } from './api';

const TITLES: Record<string, { status: '403' | '404' | '500' | 'warning'; title: string }> = {
  FORBIDDEN: { status: '403', title: '无权访问：您的角色或所属单位不能查看此内容' },
  NOT_FOUND: { status: '404', title: '未找到：该记录不存在，或不在您的权限范围内' },
  UNAUTHENTICATED: { status: 'warning', title: '登录已失效，请重新登录' },
  NETWORK: { status: 'warning', title: '无法连接平台' },
  // a service or the identity provider away for a moment: the session stays, the person retries
  SERVICE_UNAVAILABLE: { status: 'warning', title: '服务暂时不可用，请稍后重试' },
};

/** A query that failed, in the person's terms: never a blank page. */
export function QueryError({ error }: { error: GqlError | null }) {
  if (!error) return null;
  const known = TITLES[error.code];
  if (!known) return <Alert type="error" showIcon message="查询失败" description={error.message} />;
  return (
    <Result
      status={known.status}
      title={known.title}
      subTitle={error.message}
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}

/** The page for a path the console does not have. */
export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已移动 (no such page)"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}

/** Catches a page that throws while rendering, so the rest of the console stays usable. */
export class PageBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="500"
        title="页面出错了"
        subTitle={`请刷新后重试；问题持续请联系管理员 (${this.state.error.message})`}
        extra={
          <Button type="primary" onClick={() => this.setState({ error: null })}>
            重试
          </Button>
        }
      />
    );
  }
}
