import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { AddIndicatorTemplateInput, IndicatorLevel1, IndicatorLevel2, TemplateScope } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { useCommand, useGql } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { showIssues } from '../projects/form-issues';
import { useUrlParams } from '../../shell/url-params';

const IndicatorTemplatesQuery = graphql(`
  query IndicatorTemplates($search: TemplateSearch, $page: PageInput) {
    indicatorTemplates(search: $search, page: $page) {
      totalCount
      nodes {
        id
        scope
        sector
        level1
        level2
        name
        operator
        unit
        targetHint
        description
        catalogueVersion
        usageCount
      }
    }
  }
`);

const AddIndicatorTemplateMutation = graphql(`
  mutation AddIndicatorTemplate($input: AddIndicatorTemplateInput!) {
    addIndicatorTemplate(input: $input) {
      id
    }
  }
`);

/** The indicator framework (DOMAIN.md; events/src/planning/goal.ts INDICATOR_CATEGORIES): level-2 under each level-1. */
const LEVEL2_OF: Record<IndicatorLevel1, IndicatorLevel2[]> = {
  OUTPUT: ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST'],
  BENEFIT: ['ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABLE'],
  SATISFACTION: ['BENEFICIARY'],
  COST: ['ECONOMIC_COST', 'SOCIAL_COST', 'ECO_COST'],
};

const level2Options = (level1?: IndicatorLevel1) =>
  optionsOf('IndicatorLevel2').filter((o) => !level1 || LEVEL2_OF[level1].includes(o.value as IndicatorLevel2));

/** 指标库: the common and sector indicators, searched by sector, category, scope and text; the section adds to it. */
export function IndicatorsPage() {
  const { role } = currentSession()!.identity;
  const [params, set] = useUrlParams();
  const level1 = (params.get('level1') as IndicatorLevel1 | null) ?? undefined;
  const level2 = (params.get('level2') as IndicatorLevel2 | null) ?? undefined;
  const scope = (params.get('scope') as TemplateScope | null) ?? undefined;
  const [sector, setSector] = useState(params.get('sector') ?? '');
  const [text, setText] = useState(params.get('text') ?? '');
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const [adding, setAdding] = useState(false);
  const templates = useGql(IndicatorTemplatesQuery, {
    search: {
      level1,
      level2,
      scope,
      sector: params.get('sector') || undefined,
      text: params.get('text') || undefined,
    },
    page: { first: pageSize, offset: (page - 1) * pageSize },
  });
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          指标库
        </Typography.Title>
      }
      extra={
        can(role, 'Mutation.addIndicatorTemplate') && (
          <Button type="primary" onClick={() => setAdding(true)}>
            新增指标
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="按共性或个性筛选"
          allowClear
          placeholder="共性/个性"
          style={{ width: 140 }}
          value={scope}
          options={optionsOf('TemplateScope').map((o) => ({ ...o, label: o.label.split('：')[0] }))}
          onChange={(value?: string) => set({ scope: value, page: undefined })}
        />
        <Select
          aria-label="按一级指标筛选"
          allowClear
          placeholder="一级指标"
          style={{ width: 160 }}
          value={level1}
          options={optionsOf('IndicatorLevel1')}
          onChange={(value?: string) => set({ level1: value, level2: undefined, page: undefined })}
        />
        <Select
          aria-label="按二级指标筛选"
          allowClear
          placeholder="二级指标"
          style={{ width: 160 }}
          value={level2}
          options={level2Options(level1)}
          onChange={(value?: string) => set({ level2: value, page: undefined })}
        />
        <Input.Search
          aria-label="按行业或领域筛选"
          placeholder="行业或领域，如 教育"
          allowClear
          value={sector}
          onChange={(e) => setSector(e.target.value)}
          onSearch={(value) => set({ sector: value || undefined, page: undefined })}
          style={{ width: 200 }}
        />
        <Input.Search
          aria-label="按指标名称或解释搜索"
          placeholder="指标名称或解释"
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => set({ text: value || undefined, page: undefined })}
          style={{ width: 240 }}
        />
      </Space>
      <QueryError error={templates.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={templates.isLoading}
        dataSource={templates.data?.indicatorTemplates.nodes}
        expandable={{
          rowExpandable: (t) => Boolean(t.description),
          expandedRowRender: (t) => <Typography.Paragraph style={{ margin: 0 }}>{t.description}</Typography.Paragraph>,
        }}
        pagination={{
          current: page,
          pageSize,
          total: templates.data?.indicatorTemplates.totalCount,
          showTotal: (total) => `共 ${total} 个指标`,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (p, size) => set({ page: String(p), size: String(size) }),
        }}
        columns={[
          { title: '指标名称', dataIndex: 'name' },
          {
            title: '共性/个性',
            dataIndex: 'scope',
            width: 100,
            render: (v: string) => (
              <Tag color={v === 'COMMON' ? 'blue' : 'purple'}>{v === 'COMMON' ? '共性' : '个性'}</Tag>
            ),
          },
          { title: '行业或领域', dataIndex: 'sector', width: 120, render: (v: string) => v || '—' },
          {
            title: '一级指标',
            dataIndex: 'level1',
            width: 110,
            render: (v: string) => label('IndicatorLevel1', v).split('，')[0],
          },
          { title: '二级指标', dataIndex: 'level2', width: 110, render: (v: string) => label('IndicatorLevel2', v) },
          {
            title: '比较方式',
            dataIndex: 'operator',
            width: 120,
            render: (v: string) => (v === 'QUALITATIVE' ? '定性' : label('IndicatorOperator', v).split(' ')[0]),
          },
          { title: '计量单位', dataIndex: 'unit', width: 90, render: (v: string) => v || '—' },
          { title: '目标值提示', dataIndex: 'targetHint', width: 120, render: (v: string) => v || '—' },
          { title: '引用次数', dataIndex: 'usageCount', width: 90, align: 'right' },
        ]}
      />
      <AddTemplateModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

/** 新增指标: the checks beside each field are the platform's (library/template.decider.ts); it still decides. */
function AddTemplateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<AddIndicatorTemplateInput>();
  const add = useCommand(AddIndicatorTemplateMutation, '指标已加入指标库', () => {
    form.resetFields();
    onClose();
  });
  const level1 = Form.useWatch('level1', form);
  const scope = Form.useWatch('scope', form);
  const operator = Form.useWatch('operator', form);
  return (
    <Modal
      title="新增指标"
      open={open}
      width={640}
      okText="加入指标库"
      cancelText="取消"
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<AddIndicatorTemplateInput>
        form={form}
        layout="vertical"
        initialValues={{
          scope: 'COMMON',
          catalogueVersion: 'V2021',
          sector: '',
          unit: '',
          targetHint: '',
          description: '',
        }}
        onFinish={(values) =>
          add
            .mutateAsync({ input: { ...values, name: values.name.trim(), commandId: commandId() } })
            .catch((error: unknown) => showIssues(form, error))
        }
      >
        <Form.Item
          name="name"
          label="指标名称"
          rules={[{ required: true, whitespace: true, message: '指标名称不能为空' }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="scope" label="共性/个性" rules={[{ required: true, message: '请选择' }]}>
            <Select style={{ width: 260 }} options={optionsOf('TemplateScope')} />
          </Form.Item>
          <Form.Item
            name="sector"
            label="行业或领域"
            rules={[
              {
                required: scope === 'INDIVIDUAL',
                whitespace: true,
                message: '个性指标须注明所属行业或领域',
              },
            ]}
          >
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="catalogueVersion" label="指标目录版本" rules={[{ required: true, message: '请选择' }]}>
            <Select style={{ width: 220 }} options={optionsOf('CatalogueVersion')} />
          </Form.Item>
          <Form.Item
            name="level1"
            label="一级指标"
            dependencies={['catalogueVersion']}
            rules={[
              { required: true, message: '请选择一级指标' },
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  value === 'COST' && getFieldValue('catalogueVersion') === 'V2020'
                    ? Promise.reject(new Error('V2020 版指标目录没有「成本指标」一级指标'))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Select
              style={{ width: 160 }}
              options={optionsOf('IndicatorLevel1')}
              onChange={() => form.setFieldValue('level2', undefined)}
            />
          </Form.Item>
          <Form.Item name="level2" label="二级指标" rules={[{ required: true, message: '请选择二级指标' }]}>
            <Select style={{ width: 160 }} options={level2Options(level1)} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="operator" label="比较方式" rules={[{ required: true, message: '请选择比较方式' }]}>
            <Select style={{ width: 260 }} options={optionsOf('IndicatorOperator')} />
          </Form.Item>
          <Form.Item
            name="unit"
            label="计量单位"
            rules={[
              {
                required: !!operator && operator !== 'QUALITATIVE',
                whitespace: true,
                message: '定量指标须填写计量单位',
              },
            ]}
          >
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="targetHint" label="目标值提示">
            <Input style={{ width: 140 }} placeholder="如 ≥95" />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="指标解释">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
