import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import {
  ACCEPTED_EXTENSIONS,
  downloadFile,
  fileProblem,
  sizeOf,
  typeName,
  uploadFile,
  type UploadedDocument,
} from './attachments';

/**
 * 依据文件: uploads each chosen file to the attachment store at once (POST /attachments with the
 * person's token) and lists what is kept — name, size, type. A file of a refused type or over the size
 * limit is refused here in Chinese; the platform checks again from the bytes and its refusal is shown too.
 */
export function DocumentsField({
  value = [],
  onChange,
}: {
  value?: UploadedDocument[];
  onChange?: (documents: UploadedDocument[]) => void;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const [refusals, setRefusals] = useState<string[]>([]);
  // several files may finish in one render: each adds to what the last one left
  const latest = useRef(value);
  latest.current = value;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        multiple
        accept={ACCEPTED_EXTENSIONS.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          const problem = fileProblem(file);
          if (problem) {
            setRefusals((previous) => [...previous, problem]);
            void message.error(problem, 6);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          setUploading((n) => n + 1);
          uploadFile(file as File)
            .then((uploaded) => {
              latest.current = [...latest.current, uploaded];
              onChange?.(latest.current);
              onSuccess?.(uploaded);
            })
            .catch((error: Error) => {
              setRefusals((previous) => [...previous, error.message]);
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
      <Typography.Text type="secondary">
        拨款审批表等依据文件：PDF、JPEG、PNG、Word（docx）、Excel（xlsx）、OFD，每个不超过 {sizeOf(20 * 1024 * 1024)}
      </Typography.Text>
      {refusals.length > 0 && (
        <div role="alert">
          {refusals.map((refusal, i) => (
            <Typography.Text key={i} type="danger" style={{ display: 'block' }}>
              {refusal}
            </Typography.Text>
          ))}
        </div>
      )}
      <DocumentsTable
        documents={value}
        onRemove={(attachmentId) => onChange?.(value.filter((d) => d.attachmentId !== attachmentId))}
      />
    </Space>
  );
}

/** A request's documents: name (download), size, type, and a remove button where the list is being edited. */
export function DocumentsTable({
  documents,
  onRemove,
}: {
  documents: readonly UploadedDocument[];
  onRemove?: (attachmentId: string) => void;
}) {
  const { message } = App.useApp();
  return (
    <Table
      rowKey="attachmentId"
      size="small"
      pagination={false}
      dataSource={documents as UploadedDocument[]}
      locale={{ emptyText: '尚无文件' }}
      aria-label="依据文件"
      columns={[
        { title: '文件名', dataIndex: 'name' },
        { title: '大小', dataIndex: 'sizeBytes', width: 110, align: 'right', render: sizeOf },
        { title: '类型', dataIndex: 'contentType', width: 140, render: typeName },
        {
          title: '操作',
          key: 'act',
          width: onRemove ? 170 : 90,
          render: (_, document) => (
            <Space size={0}>
              <Button
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                aria-label={`下载：${document.name}`}
                onClick={() => downloadFile(document).catch((error: Error) => void message.error(error.message))}
              >
                下载
              </Button>
              {onRemove && (
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`移除：${document.name}`}
                  onClick={() => onRemove(document.attachmentId)}
                >
                  移除
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
