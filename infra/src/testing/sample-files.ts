import { crc32 } from 'node:zlib';

/**
 * A ZIP archive of stored (uncompressed) entries: local headers, central directory, end record —
 * the container of DOCX, XLSX and OFD files, for tests of what the attachment store accepts.
 */
export function zipOf(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** Files whose bytes are of each accepted type (the smallest that show it), padded to `size` bytes where asked. */
export const sampleFiles = {
  /** A PDF of exactly `size` bytes (at least 16): the header, filler, the end marker. */
  pdf(size = 64): Buffer {
    const head = Buffer.from('%PDF-1.7\n');
    const tail = Buffer.from('\n%%EOF\n');
    if (size < head.length + tail.length)
      throw new Error(`a sample PDF needs at least ${head.length + tail.length} bytes`);
    return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
  },
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(24)]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(24), Buffer.from([0xff, 0xd9])]),
  docx: () =>
    zipOf({
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': '<Relationships/>',
      'word/document.xml': '<w:document/>',
    }),
  xlsx: () =>
    zipOf({
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': '<Relationships/>',
      'xl/workbook.xml': '<workbook/>',
    }),
  ofd: () => zipOf({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' }),
  /** A ZIP that is none of the office formats. */
  zip: () => zipOf({ 'readme.txt': 'hello' }),
  /** A Windows program (MZ header): of no accepted type. */
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62)]),
};
