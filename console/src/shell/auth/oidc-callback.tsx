import { Button, Card, Layout, Result, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { completeSignIn, signInAtProvider } from './oidc';

/**
 * Where the identity provider sends the browser back with a code: the tokens are fetched, the
 * session starts, and the person lands where they were. A failure is said in their terms.
 */
export function OidcCallbackPage() {
  const [error, setError] = useState<string | null>(null);
  const once = useRef(false);
  useEffect(() => {
    // the code is good for one exchange; React's strict mode runs effects twice in development
    if (once.current) return;
    once.current = true;
    // on success the console rebuilds its routes for the person who signed in
    completeSignIn().catch((failure: Error) => setError(failure.message));
  }, []);
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <main style={{ width: 480, maxWidth: '94vw' }}>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
            绩效管理平台
          </Typography.Title>
          {error ? (
            <Result
              status="warning"
              title="登录未完成"
              subTitle={error}
              extra={
                <Button type="primary" onClick={() => void signInAtProvider()}>
                  重新登录
                </Button>
              }
            />
          ) : (
            <div style={{ textAlign: 'center', padding: 24 }}>
              <Spin />
              <Typography.Paragraph style={{ marginTop: 16 }}>正在完成登录…</Typography.Paragraph>
            </div>
          )}
        </Card>
      </main>
    </Layout>
  );
}
