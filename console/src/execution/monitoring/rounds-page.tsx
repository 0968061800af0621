import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { commandId } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { useCommand, useGql } from '../../shell/hooks';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { useFiscalYear } from '../../shell/year';
import {
  MonitoringRoundProgressQuery,
  MonitoringRoundsQuery,
  OpenMonitoringRoundMutation,
} from './monitoring.documents';

interface OpenValues {
  divisionCode: string;
  name: string;
  throughMonth: number;
  dueDate: Dayjs;
}

/** 启动监控: the bureau opens a round for its division (year, months covered, due date). */
function OpenRound({ fiscalYear }: { fiscalYear: number }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OpenValues>();
  const start = useCommand(OpenMonitoringRoundMutation, '监控已启动', () => setOpen(false));
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        启动监控
      </Button>
      <Modal
        title="启动绩效监控"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="启动"
        confirmLoading={start.isPending}
        destroyOnHidden
      >
        <Form<OpenValues>
          form={form}
          layout="vertical"
          initialValues={{ divisionCode: '429006', name: `${fiscalYear}年1—7月绩效监控`, throughMonth: 7 }}
          onFinish={(values) =>
            start
              .mutateAsync({
                input: {
                  divisionCode: values.divisionCode.trim(),
                  fiscalYear,
                  name: values.name.trim(),
                  throughMonth: values.throughMonth,
                  dueDate: values.dueDate.format('YYYY-MM-DD'),
                  commandId: commandId(),
                },
              })
              .catch(() => undefined)
          }
        >
          <Form.Item
            name="divisionCode"
            label="行政区划代码"
            extra="本级财政的区划，如天门市 429006"
            rules={[{ required: true, pattern: /^\d{6}$/, message: '行政区划代码为 6 位数字' }]}
          >
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="throughMonth" label="监控期间截至（月）" rules={[{ required: true, message: '请填写月份' }]}>
            <InputNumber min={1} max={12} precision={0} />
          </Form.Item>
          <Form.Item name="dueDate" label="填报截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * 监控进度: the year's rounds, and for the one chosen each unit's progress — goals to report, reported,
 * filed late, overdue — the units with goals outstanding first.
 */
export function MonitoringRoundsPage() {
  const { role } = currentSession()!.identity;
  const fiscalYear = useFiscalYear();
  const rounds = useGql(MonitoringRoundsQuery, { fiscalYear });
  const [chosen, setChosen] = useState<string>();
  const roundId = chosen ?? rounds.data?.monitoringRounds[0]?.id;
  const progress = useGql(MonitoringRoundProgressQuery, { roundId: roundId ?? '' }, { enabled: !!roundId });
  const units = [...(progress.data?.monitoringRoundProgress.units ?? [])].sort(
    (a, b) => b.overdue - a.overdue || b.goals - b.reported - (a.goals - a.reported),
  );
  const round = progress.data?.monitoringRoundProgress.round;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            监控进度
          </Typography.Title>
        }
        extra={can(role, 'Mutation.openMonitoringRound') && <OpenRound fiscalYear={fiscalYear} />}
      >
        <QueryError error={rounds.error} />
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={rounds.isLoading}
          dataSource={rounds.data?.monitoringRounds ?? []}
          locale={{ emptyText: '本年度尚未启动监控' }}
          columns={[
            {
              title: '监控轮次',
              dataIndex: 'name',
              render: (name: string, r) => (
                <Button type="link" onClick={() => setChosen(r.id)} aria-label={`查看进度：${name}`}>
                  {r.id === roundId ? <strong>{name}</strong> : name}
                </Button>
              ),
            },
            { title: '截止日期', dataIndex: 'dueDate', width: 120 },
            {
              title: '填报进度',
              key: 'progress',
              width: 220,
              render: (_, r) => (
                <Progress
                  aria-label={`填报进度：已填报 ${r.reported} / 应填报 ${r.goals}`}
                  percent={r.goals ? Math.round((r.reported / r.goals) * 100) : 0}
                  format={() => `${r.reported}/${r.goals}`}
                  size="small"
                />
              ),
            },
            { title: '逾期填报', dataIndex: 'late', width: 90 },
            { title: '逾期未报', dataIndex: 'overdue', width: 90 },
            {
              title: '预警',
              dataIndex: 'warnings',
              width: 90,
              render: (n: number, r) => <Link to={`/monitoring-warnings?round=${r.id}`}>{n}</Link>,
            },
          ]}
        />
      </Card>
      {round && (
        <Card title={`${round.name}：各单位填报情况`} size="small">
          <QueryError error={progress.error} />
          <Table
            rowKey="unitId"
            size="small"
            loading={progress.isLoading}
            dataSource={units}
            pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 个单位` }}
            columns={[
              { title: '预算单位', dataIndex: 'unitName' },
              { title: '应填报', dataIndex: 'goals', width: 80 },
              { title: '已填报', dataIndex: 'reported', width: 80 },
              { title: '逾期填报', dataIndex: 'late', width: 90 },
              {
                title: '状态',
                key: 'state',
                width: 140,
                render: (_, u) =>
                  u.overdue > 0 ? (
                    <Tag color="error">逾期未报 {u.overdue}</Tag>
                  ) : u.reported >= u.goals ? (
                    <Tag color="success">已完成</Tag>
                  ) : (
                    <Tag color="processing">待填报 {u.goals - u.reported}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
