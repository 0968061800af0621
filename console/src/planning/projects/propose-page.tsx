import { Button, Card, Form, Input, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../../gql';
import type { ProjectCategory } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { useCommand } from '../../shell/hooks';
import { optionsOf } from '../../shell/labels';
import { currentSession } from '../../shell/session';
import { useFiscalYear } from '../../shell/year';
import { showIssues } from './form-issues';
import { moneyProblem } from './money';
import { UnitSelect } from './unit-select';

const ProposeProjectMutation = graphql(`
  mutation ProposeProject($input: ProposeProjectInput!) {
    proposeProject(input: $input) {
      id
    }
  }
`);

interface Proposal {
  unitId: string;
  code: string;
  name: string;
  category: ProjectCategory;
  isNew: boolean;
  isMajor: boolean;
  amountRequested: string;
  fiscalYear: number;
  years: number;
}

/**
 * 申报项目: a unit (or its department, for a unit under it) proposes a project. The checks beside
 * each field are the platform's (project.decider.ts) — it still decides, and its refusal is shown here.
 */
export function ProposeProjectPage() {
  const { identity } = currentSession()!;
  const fiscalYear = useFiscalYear();
  const navigate = useNavigate();
  const [form] = Form.useForm<Proposal>();
  const propose = useCommand(ProposeProjectMutation, '项目已申报', (result) =>
    navigate(`/projects/${result.proposeProject.id}`),
  );
  const submit = (values: Proposal) =>
    propose
      .mutateAsync({
        input: { ...values, code: values.code.trim(), name: values.name.trim(), commandId: commandId() },
      })
      .catch((error: unknown) => showIssues(form, error));
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          申报项目
        </Typography.Title>
      }
    >
      <Form<Proposal>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 12 }}
        initialValues={{
          unitId: identity.role === 'BUDGET_UNIT' ? (identity.unitId ?? undefined) : undefined,
          category: 'ONE_OFF',
          isNew: true,
          isMajor: false,
          fiscalYear,
          years: 1,
        }}
        onFinish={submit}
      >
        <Form.Item name="unitId" label="申报单位" rules={[{ required: true, message: '请选择申报单位' }]}>
          <UnitSelect ariaLabel="申报单位" allowClear={false} placeholder="选择单位" width={360} />
        </Form.Item>
        <Form.Item
          name="code"
          label="项目编码"
          extra="本单位内唯一，如 101002-2023-0009"
          rules={[{ required: true, whitespace: true, message: '项目编码不能为空' }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="name"
          label="项目名称"
          rules={[{ required: true, whitespace: true, message: '项目名称不能为空' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="category" label="项目类别" rules={[{ required: true, message: '请选择项目类别' }]}>
          <Radio.Group options={optionsOf('ProjectCategory')} optionType="button" />
        </Form.Item>
        <Form.Item name="isNew" label="新增项目" valuePropName="checked">
          <Switch checkedChildren="新增" unCheckedChildren="延续" />
        </Form.Item>
        <Form.Item
          name="isMajor"
          label="重大项目"
          valuePropName="checked"
          extra="新增重大项目须通过事前绩效评估才能入库"
        >
          <Switch checkedChildren="重大" unCheckedChildren="一般" />
        </Form.Item>
        <Form.Item
          name="amountRequested"
          label="申请金额（元）"
          extra="以元计，至多两位小数，如 2500000.00"
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = moneyProblem(value, '申请金额');
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input inputMode="decimal" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item
          name="fiscalYear"
          label="预算年度"
          rules={[
            { required: true, message: '请填写预算年度' },
            { type: 'integer', min: 2000, max: 2100, message: '预算年度应在 2000–2100 之间' },
          ]}
        >
          <InputNumber precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="years"
          label="实施年限（年）"
          rules={[
            { required: true, message: '请填写实施年限' },
            { type: 'integer', min: 1, max: 10, message: '实施年限应为 1–10 年' },
          ]}
        >
          <InputNumber precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 5 }}>
          <Space>
            <Button type="primary" htmlType="submit" loading={propose.isPending}>
              提交申报
            </Button>
            <Button onClick={() => navigate('/projects')}>取消</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
