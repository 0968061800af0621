import { Form, Modal, Select } from 'antd';
import { graphql } from '../../gql';
import { commandId } from '../../shell/api';
import { useCommand } from '../../shell/hooks';
import { showIssues } from '../projects/form-issues';

const OpenPreAssessmentMutation = graphql(`
  mutation OpenPreAssessment($input: OpenPreAssessmentInput!) {
    openPreAssessment(input: $input) {
      id
    }
  }
`);

/** 启动事前绩效评估 of a project: the performance section names the scorers (experts or the review centre). */
export function OpenPreAssessmentModal({
  open,
  projectId,
  onClose,
  onOpened,
}: {
  open: boolean;
  projectId: string;
  onClose: () => void;
  onOpened: (preAssessmentId: string) => void;
}) {
  const [form] = Form.useForm<{ scorerIds: string[] }>();
  const start = useCommand(OpenPreAssessmentMutation, '事前评估已启动', (result) => {
    onClose();
    onOpened(result.openPreAssessment.id);
  });
  return (
    <Modal
      title="启动事前绩效评估"
      open={open}
      okText="启动评估"
      cancelText="取消"
      confirmLoading={start.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ scorerIds: [] }}
        onFinish={(values) =>
          start
            .mutateAsync({
              input: {
                subject: 'PROJECT',
                projectId,
                scorerIds: values.scorerIds.map((s) => s.trim()).filter(Boolean),
                commandId: commandId(),
              },
            })
            .catch((error: unknown) => showIssues(form, error))
        }
      >
        <Form.Item
          name="scorerIds"
          label="评分人（专家或投资评审中心人员的用户名）"
          extra="输入用户名后按回车，可指派多人；评分期间可再指派或撤销"
          rules={[{ type: 'array', min: 1, message: '请指派至少一名评分专家' }]}
        >
          <Select
            mode="tags"
            aria-label="评分人"
            placeholder="如 expert.001"
            open={false}
            tokenSeparators={[',', '，', ' ']}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
