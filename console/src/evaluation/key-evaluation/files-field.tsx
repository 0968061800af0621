import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import {
  ACCEPTED_EXTENSIONS,
  fileProblem,
  uploadFile,
  type UploadedDocument,
} from '../../execution/disbursement/attachments';
import { DocumentsTable } from '../../execution/disbursement/documents-field';

/**
 * Files of a piece of evidence or a report: each chosen file goes to the attachment store at once
 * (POST /attachments with the person's token, as disbursement's documents do) and is listed with its
 * size and type; a refused type or size is said in Chinese. `single` keeps one file (a report).
 */
export function FilesField({
  value = [],
  onChange,
  single = false,
  hint,
}: {
  value?: UploadedDocument[];
  onChange?: (files: UploadedDocument[]) => void;
  single?: boolean;
  hint: string;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const latest = useRef(value);
  latest.current = value;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        multiple={!single}
        accept={ACCEPTED_EXTENSIONS.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          const problem = fileProblem(file);
          if (!problem) return true;
          void message.error(problem, 6);
          return Upload.LIST_IGNORE;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          setUploading((n) => n + 1);
          uploadFile(file as File)
            .then((uploaded) => {
              latest.current = single ? [uploaded] : [...latest.current, uploaded];
              onChange?.(latest.current);
              onSuccess?.(uploaded);
            })
            .catch((error: Error) => {
              void message.error(error.message, 6);
              onError?.(error);
            })
            .finally(() => setUploading((n) => n - 1));
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading > 0}>
          上传文件
        </Button>
      </Upload>
      <Typography.Text type="secondary">{hint}</Typography.Text>
      {value.length > 0 && (
        <DocumentsTable
          documents={value}
          onRemove={(attachmentId) => onChange?.(value.filter((d) => d.attachmentId !== attachmentId))}
        />
      )}
    </Space>
  );
}
