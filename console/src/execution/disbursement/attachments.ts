import { currentSession } from '../../shell/session';

/** An uploaded document as the attachment store describes it (POST /attachments' answer). */
export interface UploadedDocument {
  attachmentId: string;
  name: string;
  sizeBytes: number;
  contentType: string;
  sha256?: string;
}

export const ATTACHMENTS_PATH = '/attachments';

/** The types the platform keeps by default (JIXIAO_ATTACHMENT_TYPES): checked here only to spare a refused upload. */
export const ACCEPTED_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.docx', '.xlsx', '.ofd'];
/** The platform's default size limit (JIXIAO_ATTACHMENT_MAX_BYTES, 20 MiB); a lower one is told by its 413. */
export const MAX_BYTES = 20 * 1024 * 1024;

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格',
  'application/ofd': 'OFD 版式文件',
};

/** 183204 → 178.9 KB */
export function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const typeName = (contentType: string): string => TYPE_NAMES[contentType] ?? contentType;

/** Why a file would be refused before it is sent (Chinese), or null. */
export function fileProblem(file: { name: string; size: number }): string | null {
  const dot = file.name.lastIndexOf('.');
  const extension = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (!ACCEPTED_EXTENSIONS.includes(extension))
    return `「${file.name}」的文件类型不被接受：仅限 PDF、JPEG、PNG、Word（docx）、Excel（xlsx）、OFD`;
  if (file.size === 0) return `「${file.name}」是空文件`;
  if (file.size > MAX_BYTES) return `「${file.name}」超过大小上限 ${sizeOf(MAX_BYTES)}（${sizeOf(file.size)}）`;
  return null;
}

const STATUS_MESSAGES: Record<number, string> = {
  401: '登录已失效，请重新登录后上传',
  403: '您的角色不能上传文件',
  413: '文件超过平台允许的大小上限',
  415: '文件类型不被接受，或与文件内容不符',
  429: '操作过于频繁，请稍后再上传',
};

/** Sends one file to the attachment store with the person's token; rejects with the platform's Chinese message. */
export async function uploadFile(file: File): Promise<UploadedDocument> {
  const body = new FormData();
  body.append('file', file, file.name);
  const token = currentSession()?.token;
  let response: Response;
  try {
    response = await fetch(ATTACHMENTS_PATH, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body,
    });
  } catch {
    // the platform closes the connection on a body past its size limit before answering 413
    throw new Error(`「${file.name}」上传失败：无法连接平台，或文件超过平台允许的大小上限，请检查后重试`);
  }
  const answer = (await response.json().catch(() => null)) as
    (UploadedDocument & { code?: string; message?: string }) | null;
  if (!response.ok) {
    throw new Error(
      `「${file.name}」上传失败：${answer?.message ?? STATUS_MESSAGES[response.status] ?? `HTTP ${response.status}`}`,
    );
  }
  if (!answer?.attachmentId) throw new Error(`「${file.name}」上传失败：平台没有返回附件标识`);
  return answer;
}

/** Fetches a document with the person's token and hands it to the browser as a download. */
export async function downloadFile(document: Pick<UploadedDocument, 'attachmentId' | 'name'>): Promise<void> {
  const token = currentSession()?.token;
  const response = await fetch(`${ATTACHMENTS_PATH}/${encodeURIComponent(document.attachmentId)}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new Error(STATUS_MESSAGES[response.status] ?? `下载失败 (HTTP ${response.status})`);
  const url = URL.createObjectURL(await response.blob());
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
