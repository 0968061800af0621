import type { AttachmentLimits } from '@jixiao/service-kit';

export const PDF = 'application/pdf';
export const JPEG = 'image/jpeg';
export const PNG = 'image/png';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** 版式文档 OFD (GB/T 33190): a ZIP whose root holds `OFD.xml`. */
export const OFD = 'application/ofd';

/** Every type the platform can recognise from a file's bytes: what `JIXIAO_ATTACHMENT_TYPES` may name. */
export const DETECTABLE_TYPES = [PDF, JPEG, PNG, DOCX, XLSX, OFD] as const;

/** Accepted unless configured otherwise: all of them. */
export const DEFAULT_ATTACHMENT_TYPES: readonly string[] = DETECTABLE_TYPES;

/** 20 MiB, unless `JIXIAO_ATTACHMENT_MAX_BYTES` says otherwise. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
  contentTypes: DEFAULT_ATTACHMENT_TYPES,
};

const startsWith = (bytes: Buffer, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: a local file header first

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;

/**
 * The entry names of a ZIP archive, read from its central directory (found from the end-of-central-
 * directory record in the last 64 KiB + 22 bytes); null when the bytes are not a well-formed ZIP.
 */
export function zipEntryNames(bytes: Buffer): string[] | null {
  if (!startsWith(bytes, ZIP_MAGIC) || bytes.length < 22) return null;
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > end) return null;
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** What an OOXML or OFD package is, from its entries; null for any other ZIP. */
function zipTypeOf(names: readonly string[]): string | null {
  const has = (name: string) => names.includes(name);
  if (has('[Content_Types].xml') && has('word/document.xml')) return DOCX;
  if (has('[Content_Types].xml') && has('xl/workbook.xml')) return XLSX;
  if (has('OFD.xml')) return OFD;
  return null;
}

/**
 * The type a file's bytes show, by their magic numbers (PDF, JPEG, PNG) or, for a ZIP, by its entries
 * (DOCX: `word/document.xml`; XLSX: `xl/workbook.xml`; OFD: `OFD.xml`); null when none of these.
 */
export function detectContentType(bytes: Buffer): string | null {
  if (startsWith(bytes, PDF_MAGIC)) return PDF;
  if (startsWith(bytes, PNG_MAGIC)) return PNG;
  if (startsWith(bytes, JPEG_MAGIC)) return JPEG;
  const names = zipEntryNames(bytes);
  return names ? zipTypeOf(names) : null;
}

/** Declared types that say nothing (a browser sends them for a file it does not know, such as .ofd). */
const UNSPECIFIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/zip']);

/** Other spellings browsers and tools use for the same type. */
const ALIASES: Record<string, string> = { 'image/jpg': JPEG, 'image/pjpeg': JPEG, 'image/x-png': PNG };

/** A declared type lower-cased, without parameters, with its usual aliases resolved. */
export function normalizedType(declared: string): string {
  const bare = declared.split(';')[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

/** The longest file name kept, in characters: what a request's document may name (the event's schema). */
export const MAX_NAME_LENGTH = 200;

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The name a file was uploaded under, without the folders an old browser sends with it (`C:\\scans\\a.pdf`). */
export const baseName = (name: string) => name.split(/[\\/]/).pop()!.trim();

/** Why a file is refused, as the HTTP edge answers it. */
export class AttachmentRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: 'BAD_USER_INPUT' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} (${en})`);
    this.name = 'AttachmentRefused';
  }
}

const MIB = 1024 * 1024;

/** The limit as people read it: `20 MiB（20971520 字节）`, or bytes alone under a whole MiB. */
const sizeOf = (bytes: number, zh: boolean) => {
  const exact = zh ? `${bytes} 字节` : `${bytes} bytes`;
  if (bytes % MIB !== 0) return exact;
  return zh ? `${bytes / MIB} MiB（${exact}）` : `${bytes / MIB} MiB (${exact})`;
};

/** The refusal of a file larger than the limit. */
export const tooLarge = (limits: AttachmentLimits) =>
  new AttachmentRefused(
    413,
    'PAYLOAD_TOO_LARGE',
    `附件超过大小上限 ${sizeOf(limits.maxBytes, true)}`,
    `The file is larger than the limit of ${sizeOf(limits.maxBytes, false)}`,
  );

/**
 * Checks a file against the limits and answers its type as the bytes show it: no larger than
 * `maxBytes` (exactly `maxBytes` is accepted), not empty, named (at most 200 characters, no control
 * characters), of a type the bytes show and the limits
 * accept, and — unless the declared type says nothing (`application/octet-stream`, empty) — the type
 * declared. Throws AttachmentRefused otherwise.
 */
export function checkAttachment(
  file: { name: string; contentType: string; bytes: Buffer },
  limits: AttachmentLimits,
): string {
  if (file.bytes.length > limits.maxBytes) throw tooLarge(limits);
  if (file.name.trim() === '')
    throw new AttachmentRefused(400, 'BAD_USER_INPUT', '附件须有文件名', 'The file must have a name');
  if ([...file.name].length > MAX_NAME_LENGTH)
    throw new AttachmentRefused(
      400,
      'BAD_USER_INPUT',
      `附件文件名不能超过 ${MAX_NAME_LENGTH} 个字符`,
      `The file name must be at most ${MAX_NAME_LENGTH} characters`,
    );
  if (CONTROL.test(file.name))
    throw new AttachmentRefused(
      400,
      'BAD_USER_INPUT',
      '附件文件名含有控制字符',
      'The file name holds control characters',
    );
  if (file.bytes.length === 0) throw new AttachmentRefused(400, 'BAD_USER_INPUT', '附件为空文件', 'The file is empty');
  const accepted = limits.contentTypes.join('、');
  const detected = detectContentType(file.bytes);
  if (!detected || !limits.contentTypes.includes(detected))
    throw new AttachmentRefused(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `不接受此类文件${detected ? `（${detected}）` : ''}；可上传：${accepted}`,
      `This kind of file${detected ? ` (${detected})` : ''} is not accepted; accepted: ${limits.contentTypes.join(', ')}`,
    );
  const declared = normalizedType(file.contentType);
  if (!UNSPECIFIC.has(declared) && declared !== detected)
    throw new AttachmentRefused(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `文件内容（${detected}）与声明的类型（${declared}）不符`,
      `The file's content (${detected}) does not match its declared type (${declared})`,
    );
  return detected;
}
