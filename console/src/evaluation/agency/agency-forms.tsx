import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { AgenciesQuery, ProcurementMethod } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { useCommand, useGql } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { showIssues } from '../../planning/projects/form-issues';
import {
  AgencyEvaluationsQuery,
  AnnounceAgencyProcurementMutation,
  RateAgencyMutation,
  RegisterAgencyMutation,
  SignAgencyContractMutation,
} from './agency.documents';

export type Agency = AgenciesQuery['agencies']['nodes'][number];

/** The division the bureau works in (the demo city is Tianmen); an agency registered here by default. */
const DIVISION = '429006';
const DAY = 'YYYY-MM-DD';
/** Yuan with at most two decimals, as the platform's Money takes it. */
const YUAN = /^\d+(\.\d{1,2})?$/;

interface ModalProps {
  open: boolean;
  onClose: () => void;
}

/** A form in a modal that sends one command; the platform's refusal is shown beside the fields it names. */
function CommandModal<T extends object>({
  title,
  okText,
  open,
  onClose,
  running,
  form,
  onSend,
  children,
}: ModalProps & {
  title: string;
  okText: string;
  running: boolean;
  form: ReturnType<typeof Form.useForm<T>>[0];
  onSend: (values: T) => Promise<unknown>;
  children: ReactNode;
}) {
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText="取消"
      confirmLoading={running}
      destroyOnHidden
      width={600}
    >
      <Form<T>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          onSend(values).then(
            () => onClose(),
            (error: unknown) => showIssues(form, error),
          )
        }
      >
        {children}
      </Form>
    </Modal>
  );
}

interface RegisterValues {
  name: string;
  creditCode: string;
  qualification: string;
  divisionCode: string;
}

/** 登记机构: name, unified social credit code (the platform checks its check character), qualification. */
export function RegisterAgencyModal(props: ModalProps) {
  const [form] = Form.useForm<RegisterValues>();
  const register = useCommand(RegisterAgencyMutation, '第三方机构已登记');
  return (
    <CommandModal<RegisterValues>
      {...props}
      title="登记第三方机构"
      okText="登记"
      form={form}
      running={register.isPending}
      onSend={(v) =>
        register.mutateAsync({
          input: {
            commandId: commandId(),
            name: v.name.trim(),
            creditCode: v.creditCode.trim().toUpperCase(),
            qualification: v.qualification.trim(),
            divisionCode: v.divisionCode.trim(),
          },
        })
      }
    >
      <Form.Item name="name" label="机构名称" rules={[{ required: true, whitespace: true, message: '请填写机构名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label="统一社会信用代码"
        rules={[
          { required: true, message: '请填写统一社会信用代码' },
          { pattern: /^[0-9A-HJ-NP-RTUW-Ya-hj-np-rtuw-y]{18}$/, message: '统一社会信用代码为 18 位数字或大写字母' },
        ]}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        name="qualification"
        label="资质"
        rules={[{ required: true, whitespace: true, message: '请填写资质' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} placeholder="如：会计师事务所执业证书" />
      </Form.Item>
      <Form.Item
        name="divisionCode"
        label="行政区划代码"
        initialValue={DIVISION}
        rules={[{ required: true, pattern: /^\d{6}$/, message: '行政区划代码为 6 位数字' }]}
      >
        <Input maxLength={6} style={{ width: 160 }} />
      </Form.Item>
    </CommandModal>
  );
}

interface ProcurementValues {
  method: ProcurementMethod;
  announcedOn: Dayjs;
  resultRef: string;
}

/** 采购结果: how the agency was bought in, the day the result was announced and its reference. */
export function ProcurementModal({ agency, ...props }: ModalProps & { agency: Agency }) {
  const [form] = Form.useForm<ProcurementValues>();
  const announce = useCommand(AnnounceAgencyProcurementMutation, '政府采购结果已记录');
  return (
    <CommandModal<ProcurementValues>
      {...props}
      title={`政府采购结果：${agency.name}`}
      okText="记录"
      form={form}
      running={announce.isPending}
      onSend={(v) =>
        announce.mutateAsync({
          input: {
            commandId: commandId(),
            agencyId: agency.id,
            method: v.method,
            announcedOn: v.announcedOn.format(DAY),
            resultRef: v.resultRef.trim(),
          },
        })
      }
    >
      <Form.Item name="method" label="采购方式" rules={[{ required: true, message: '请选择采购方式' }]}>
        <Select aria-label="采购方式" options={optionsOf('ProcurementMethod')} />
      </Form.Item>
      <Form.Item name="announcedOn" label="结果公告日期" rules={[{ required: true, message: '请选择公告日期' }]}>
        <DatePicker aria-label="结果公告日期" />
      </Form.Item>
      <Form.Item
        name="resultRef"
        label="公告编号或地址"
        rules={[{ required: true, whitespace: true, message: '请填写公告编号或地址' }]}
      >
        <Input maxLength={500} />
      </Form.Item>
    </CommandModal>
  );
}

interface ContractValues {
  contractNumber: string;
  signedOn: Dayjs;
  period: [Dayjs, Dayjs];
  scope: string;
  amount: string;
}

/** 委托合同: number (unique per agency), signing day, period, scope and amount; after the procurement result. */
export function ContractModal({ agency, ...props }: ModalProps & { agency: Agency }) {
  const [form] = Form.useForm<ContractValues>();
  const sign = useCommand(SignAgencyContractMutation, '委托合同已记录');
  return (
    <CommandModal<ContractValues>
      {...props}
      title={`委托合同：${agency.name}`}
      okText="记录合同"
      form={form}
      running={sign.isPending}
      onSend={(v) =>
        sign.mutateAsync({
          input: {
            commandId: commandId(),
            agencyId: agency.id,
            contractNumber: v.contractNumber.trim(),
            signedOn: v.signedOn.format(DAY),
            from: v.period[0].format(DAY),
            to: v.period[1].format(DAY),
            scope: v.scope.trim(),
            amount: v.amount.trim(),
          },
        })
      }
    >
      <Form.Item
        name="contractNumber"
        label="合同编号"
        rules={[{ required: true, whitespace: true, message: '请填写合同编号' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="signedOn" label="签订日期" rules={[{ required: true, message: '请选择签订日期' }]}>
        <DatePicker aria-label="签订日期" />
      </Form.Item>
      <Form.Item name="period" label="合同期限" rules={[{ required: true, message: '请选择合同期限' }]}>
        <DatePicker.RangePicker aria-label="合同期限" />
      </Form.Item>
      <Form.Item
        name="scope"
        label="委托范围"
        rules={[{ required: true, whitespace: true, message: '请填写委托范围' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="amount"
        label="合同金额（元）"
        rules={[{ required: true, pattern: YUAN, message: '金额为元，最多两位小数' }]}
      >
        <Input style={{ width: 200 }} inputMode="decimal" />
      </Form.Item>
    </CommandModal>
  );
}

interface RatingValues {
  evaluationId: string;
  score: number;
  comments: string;
}

/**
 * 评定质量: the bureau rates the agency's work on one key evaluation assigned to it whose final report
 * is in, once per evaluation (the evaluations already rated are not offered).
 */
export function RatingModal({ agency, ...props }: ModalProps & { agency: Agency }) {
  const [form] = Form.useForm<RatingValues>();
  const rate = useCommand(RateAgencyMutation, '评价质量已评定');
  const evaluations = useGql(AgencyEvaluationsQuery, { filter: { evaluatorId: agency.id } }, { enabled: props.open });
  const rated = new Set(agency.ratings.map((r) => r.evaluationId));
  const ratable = (evaluations.data?.keyEvaluations.nodes ?? []).filter(
    (e) => (e.stage === 'FINAL' || e.stage === 'RESULTS_NOTIFIED') && !rated.has(e.id),
  );
  return (
    <CommandModal<RatingValues>
      {...props}
      title={`评定评价质量：${agency.name}`}
      okText="评定"
      form={form}
      running={rate.isPending}
      onSend={(v) =>
        rate.mutateAsync({
          input: {
            commandId: commandId(),
            agencyId: agency.id,
            evaluationId: v.evaluationId,
            score: v.score,
            comments: v.comments.trim(),
          },
        })
      }
    >
      <Form.Item
        name="evaluationId"
        label="重点评价"
        extra="已形成正式报告、尚未评定的本机构评价"
        rules={[{ required: true, message: '请选择评价' }]}
      >
        <Select
          aria-label="重点评价"
          loading={evaluations.isLoading}
          notFoundContent="暂无可评定的评价"
          options={ratable.map((e) => ({
            value: e.id,
            label: `${e.fiscalYear} 年 · ${e.subject}（${label('KeyEvaluationStage', e.stage)}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="score" label="质量评分（0–100）" rules={[{ required: true, message: '请填写评分' }]}>
        <InputNumber aria-label="质量评分" min={0} max={100} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item
        name="comments"
        label="评价意见"
        rules={[{ required: true, whitespace: true, message: '请填写评价意见' }]}
      >
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
      </Form.Item>
    </CommandModal>
  );
}
