import { Alert, Descriptions, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { IndicatorLevel1, IndicatorLevel2, IndicatorTemplatePickerQuery, TemplateScope } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { useCommand, useGql } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { indicatorOf, level2Options, PointsFields, TargetFields } from './indicator-form';
import { AddIndicatorFromTemplateDocument, type GoalDetail } from './goal.documents';

const TemplatesDocument = graphql(`
  query IndicatorTemplatePicker($search: TemplateSearch, $page: PageInput) {
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

type Template = IndicatorTemplatePickerQuery['indicatorTemplates']['nodes'][number];

interface Search {
  text?: string;
  level1?: IndicatorLevel1;
  level2?: IndicatorLevel2;
  scope?: TemplateScope;
  sector?: string;
}

const PAGE = 10;

/** 从指标库添加: search the library by text, category, scope and sector, pick one, state target and points. */
export function TemplatePicker({ goal, open, onClose }: { goal: GoalDetail; open: boolean; onClose: () => void }) {
  const [search, setSearch] = useState<Search>({});
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<Template | null>(null);
  const [form] = Form.useForm();
  const templates = useGql(
    TemplatesDocument,
    { search, page: { first: PAGE, offset: (page - 1) * PAGE } },
    { enabled: open },
  );
  const add = useCommand(AddIndicatorFromTemplateDocument, '已从指标库添加指标', onClose);
  const { reset } = add;
  useEffect(() => {
    if (!open) return;
    setPicked(null);
    reset();
  }, [open, reset]);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ basis: 'PLAN', core: false });
  }, [picked, form]);
  const filter = (changes: Search) => {
    setSearch((current) => ({ ...current, ...changes }));
    setPage(1);
  };
  const base = () =>
    picked
      ? {
          level1: picked.level1,
          level2: picked.level2,
          name: picked.name,
          operator: picked.operator,
          unit: picked.unit,
          templateId: picked.id,
        }
      : {};
  const save = async () => {
    if (!picked) return;
    if (
      !(await form.validateFields().then(
        () => true,
        () => false,
      ))
    )
      return;
    const values = indicatorOf({ ...form.getFieldsValue(true), ...base() }, 'new');
    add.mutate({
      input: {
        commandId: commandId(),
        goalId: goal.id,
        expectedVersion: goal.version,
        templateId: picked.id,
        targetValue: values.targetValue,
        targetText: values.targetText,
        points: values.points,
        basis: values.basis,
        core: values.core,
      },
    });
  };
  return (
    <Modal
      title="从指标库添加指标"
      open={open}
      onCancel={onClose}
      onOk={() => void save()}
      okText="添加所选指标"
      cancelText="取消"
      okButtonProps={{ disabled: !picked }}
      confirmLoading={add.isPending}
      destroyOnHidden
      width={1080}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="按指标名称或解释搜索"
          placeholder="指标名称或解释"
          allowClear
          onSearch={(text) => filter({ text: text || undefined })}
          style={{ width: 220 }}
        />
        <Select
          aria-label="一级指标"
          placeholder="一级指标"
          allowClear
          style={{ width: 150 }}
          value={search.level1}
          options={optionsOf('IndicatorLevel1')}
          onChange={(level1?: IndicatorLevel1) => filter({ level1, level2: undefined })}
        />
        <Select
          aria-label="二级指标"
          placeholder="二级指标"
          allowClear
          style={{ width: 150 }}
          value={search.level2}
          options={search.level1 ? level2Options(search.level1) : optionsOf('IndicatorLevel2')}
          onChange={(level2?: IndicatorLevel2) => filter({ level2 })}
        />
        <Select
          aria-label="指标类型"
          placeholder="共性或个性"
          allowClear
          style={{ width: 150 }}
          value={search.scope}
          options={optionsOf('TemplateScope').map((o) => ({ ...o, label: o.label.split('：')[0] }))}
          onChange={(scope?: TemplateScope) => filter({ scope })}
        />
        <Input.Search
          aria-label="按行业或领域筛选"
          placeholder="行业或领域，如 教育"
          allowClear
          onSearch={(sector) => filter({ sector: sector || undefined })}
          style={{ width: 200 }}
        />
      </Space>
      <QueryError error={templates.error} />
      <Table
        rowKey="id"
        size="small"
        loading={templates.isLoading}
        dataSource={templates.data?.indicatorTemplates.nodes}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: picked ? [picked.id] : [],
          onChange: (_, rows) => setPicked(rows[0] ?? null),
          getCheckboxProps: (t) => ({ 'aria-label': `选择指标「${t.name}」` }),
        }}
        onRow={(t) => ({ onClick: () => setPicked(t) })}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: templates.data?.indicatorTemplates.totalCount,
          showTotal: (total) => `共 ${total} 个指标`,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: '指标名称', dataIndex: 'name' },
          {
            title: '类别',
            key: 'category',
            width: 190,
            render: (_, t) =>
              `${label('IndicatorLevel1', t.level1).split('，')[0]} · ${label('IndicatorLevel2', t.level2)}`,
          },
          { title: '类型', dataIndex: 'scope', width: 80, render: (v: string) => (v === 'COMMON' ? '共性' : '个性') },
          { title: '行业', dataIndex: 'sector', width: 100, render: (v: string) => v || '—' },
          { title: '目标值提示', dataIndex: 'targetHint', width: 120 },
          { title: '引用次数', dataIndex: 'usageCount', width: 90, align: 'right' },
        ]}
      />
      {picked && (
        <section aria-label="所选指标的目标值与分值">
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            已选：{picked.name}
          </Typography.Title>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="比较方式">
              {label('IndicatorOperator', picked.operator)}
              {picked.unit ? `（单位：${picked.unit}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="目标值提示">{picked.targetHint || '—'}</Descriptions.Item>
            <Descriptions.Item label="指标解释">{picked.description || '—'}</Descriptions.Item>
          </Descriptions>
          {add.error && <Alert type="error" showIcon message="平台未接受" description={add.error.message} />}
          <Form form={form} layout="inline" name="template-indicator" validateTrigger={['onChange', 'onBlur']}>
            <TargetFields form={form} base={base} />
            <PointsFields base={base} />
          </Form>
        </section>
      )}
    </Modal>
  );
}
