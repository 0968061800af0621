import { LoginOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Select, Input, Space, Typography } from 'antd';
import { useMemo } from 'react';
import type { Role } from '../roles';
import { claimsOf, startSession } from '../session';

interface DemoIdentities {
  roles: { role: Role; label: string; needsUnit: boolean; users: string[] }[];
  units: { id: string; name: string; code: string; level: string }[];
}

interface Choice {
  role: Role;
  unitId?: string;
  userId: string;
}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body;
}

/**
 * Embedded mode's sign-in: pick a person of the demo data — a role, for a budget unit or department
 * the unit, and a user — and the platform signs a token for them with its dev key.
 */
export function DevSignIn() {
  const [form] = Form.useForm<Choice>();
  const identities = useQuery({
    queryKey: ['demo-identities'],
    queryFn: async () => readJson<DemoIdentities>(await fetch(`${import.meta.env.BASE_URL}dev/identities`)),
  });
  const role = Form.useWatch('role', form);
  const unitId = Form.useWatch('unitId', form);
  const roleRow = identities.data?.roles.find((r) => r.role === role);
  const unit = identities.data?.units.find((u) => u.id === unitId);
  const suggestions = useMemo(() => {
    if (roleRow?.needsUnit) return unit ? [`${unit.code}.staff`] : [];
    return roleRow?.users ?? [];
  }, [roleRow, unit]);

  const signIn = async (choice: Choice) => {
    const response = await fetch(`${import.meta.env.BASE_URL}dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(choice),
    });
    try {
      const { token, expiresAt } = await readJson<{ token: string; expiresAt: number }>(response);
      const claims = claimsOf(token);
      startSession({
        token,
        expiresAt,
        via: 'dev',
        identity: {
          userId: String(claims.sub),
          role: claims.role as Role,
          unitId: (claims.unit as string | undefined) ?? null,
          name: String(claims.sub),
        },
      });
    } catch (error) {
      form.setFields([{ name: 'userId', errors: [(error as Error).message] }]);
    }
  };

  if (identities.error)
    return <Alert type="error" showIcon message="示例身份读取失败" description={identities.error.message} />;
  return (
    <Form form={form} layout="vertical" onFinish={signIn} requiredMark={false} aria-label="示例身份登录">
      <Typography.Paragraph type="secondary">
        嵌入式开发模式：选择示例数据中的一个身份登录，平台以本机开发密钥签发令牌。
      </Typography.Paragraph>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select
          loading={identities.isLoading}
          placeholder="选择角色"
          options={identities.data?.roles.map((r) => ({ value: r.role, label: r.label }))}
          onChange={(next: Role) => {
            const row = identities.data?.roles.find((r) => r.role === next);
            form.setFieldsValue({ unitId: undefined, userId: row?.needsUnit ? '' : (row?.users[0] ?? '') });
          }}
        />
      </Form.Item>
      {roleRow?.needsUnit && (
        <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="选择单位"
            options={identities.data?.units.map((u) => ({ value: u.id, label: `${u.name}（${u.code}）` }))}
            onChange={(id: string) => {
              const picked = identities.data?.units.find((u) => u.id === id);
              if (picked) form.setFieldsValue({ userId: `${picked.code}.staff` });
            }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="userId"
        label="用户"
        rules={[
          { required: true, message: '请填写用户名' },
          { pattern: /^[\w.-]{1,64}$/, message: '用户名须为 1–64 位字母、数字、点、下划线或连字符' },
        ]}
      >
        {suggestions.length > 1 ? (
          <Select showSearch options={suggestions.map((s) => ({ value: s, label: s }))} />
        ) : (
          <Input placeholder="例如 li.na" autoComplete="username" />
        )}
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<LoginOutlined />}>
          登录
        </Button>
      </Space>
    </Form>
  );
}
