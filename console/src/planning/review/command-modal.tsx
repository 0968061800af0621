import { Button, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { commandId } from '../../shell/api';

/** `indicatorComments[0].comment` (the platform's field path) → ['indicatorComments', 0, 'comment'] (antd's). */
export const namePathOf = (path: string): (string | number)[] =>
  path
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** The platform's per-field refusals (BAD_USER_INPUT) shown beside the fields they name. */
function showFieldIssues(form: FormInstance, error: unknown) {
  const issues = (error as { issues?: readonly { path: string; zh: string }[] }).issues ?? [];
  const known = issues.filter((issue) => form.getFieldInstance(namePathOf(issue.path)) !== undefined);
  form.setFields(known.map((issue) => ({ name: namePathOf(issue.path), errors: [issue.zh] })));
}

/**
 * A button that opens a command's form in a dialog. Each opening carries one command id, so a
 * retried submit is applied once; a refusal stays in the dialog (the message is shown by useCommand,
 * field issues beside their fields).
 */
export function CommandModal<T extends object>({
  name,
  label,
  title,
  button,
  initialValues,
  onSubmit,
  onOpen,
  children,
  width = 640,
}: {
  /** The form's name: its fields' ids start with it, so several forms on one page keep their labels apart. */
  name: string;
  label: string;
  title: string;
  button?: ButtonProps;
  initialValues?: Partial<T>;
  onSubmit: (values: T, commandId: string) => Promise<unknown>;
  /** Called as the dialog opens, e.g. to start from the record as it is now. */
  onOpen?: () => void;
  children: (form: FormInstance<T>) => ReactNode;
  width?: number;
}) {
  const [form] = Form.useForm<T>();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [id, setId] = useState(commandId);
  const submit = async (values: T) => {
    setPending(true);
    try {
      await onSubmit(values, id);
      form.resetFields();
      setOpen(false);
    } catch (error) {
      showFieldIssues(form, error);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button
        {...button}
        onClick={() => {
          setId(commandId());
          onOpen?.();
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <Modal
        title={title}
        open={open}
        width={width}
        okText="提交"
        cancelText="取消"
        confirmLoading={pending}
        onOk={() => form.submit()}
        onCancel={() => {
          form.resetFields();
          setOpen(false);
        }}
      >
        <Form<T>
          form={form}
          name={name}
          layout="vertical"
          initialValues={initialValues}
          onFinish={submit}
          aria-label={title}
        >
          {children(form)}
        </Form>
      </Modal>
    </>
  );
}
