import { sampleFiles, zipOf } from '../testing/sample-files';
import {
  AttachmentRefused,
  baseName,
  checkAttachment,
  DEFAULT_ATTACHMENT_LIMITS,
  detectContentType,
  DOCX,
  JPEG,
  OFD,
  PDF,
  PNG,
  XLSX,
  zipEntryNames,
} from './content-type';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AttachmentRefused)
      return { status: error.status, code: error.code, zh: error.zh, en: error.en };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('the type a file’s bytes show', () => {
  it.each([
    ['a PDF', sampleFiles.pdf(), PDF],
    ['a PNG', sampleFiles.png(), PNG],
    ['a JPEG', sampleFiles.jpeg(), JPEG],
    ['a DOCX (word/document.xml)', sampleFiles.docx(), DOCX],
    ['an XLSX (xl/workbook.xml)', sampleFiles.xlsx(), XLSX],
    ['an OFD (OFD.xml at the root)', sampleFiles.ofd(), OFD],
  ])('%s', (_what, bytes, type) => expect(detectContentType(bytes)).toBe(type));

  it.each([
    ['a plain ZIP', sampleFiles.zip()],
    ['a program', sampleFiles.exe()],
    ['text', Buffer.from('%PD not quite a PDF')],
    ['nothing', Buffer.alloc(0)],
    ['a ZIP’s first header and no directory', sampleFiles.docx().subarray(0, 80)],
    ['an OOXML package without its main part', zipOf({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '' })],
  ])('none for %s', (_what, bytes) => expect(detectContentType(bytes)).toBeNull());

  it('reads a ZIP’s entry names from its central directory, names in UTF-8 included', () => {
    expect(zipEntryNames(zipOf({ 'a.txt': 'x', '附件/说明.xml': '<x/>' }))).toEqual(['a.txt', '附件/说明.xml']);
    expect(zipEntryNames(sampleFiles.pdf())).toBeNull();
  });
});

describe('checking a file against the limits', () => {
  const limits = { maxBytes: 1000, contentTypes: [PDF, PNG] };

  it('accepts a file of exactly the largest size and refuses one byte more (413, nothing read as its type)', () => {
    expect(checkAttachment({ name: '审批表.pdf', contentType: PDF, bytes: sampleFiles.pdf(1000) }, limits)).toBe(PDF);
    expect(
      refusal(() => checkAttachment({ name: '审批表.pdf', contentType: PDF, bytes: sampleFiles.pdf(1001) }, limits)),
    ).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      zh: '附件超过大小上限 1000 字节',
      en: 'The file is larger than the limit of 1000 bytes',
    });
  });

  it('says the default limit as 20 MiB', () => {
    const max = DEFAULT_ATTACHMENT_LIMITS.maxBytes;
    expect(max).toBe(20 * 1024 * 1024);
    expect(
      refusal(() =>
        checkAttachment({ name: 'x.pdf', contentType: PDF, bytes: Buffer.alloc(max + 1) }, DEFAULT_ATTACHMENT_LIMITS),
      ).zh,
    ).toBe('附件超过大小上限 20 MiB（20971520 字节）');
  });

  it('refuses a type the bytes show but the limits do not accept (415), naming the accepted ones', () => {
    expect(
      refusal(() => checkAttachment({ name: 'a.docx', contentType: DOCX, bytes: sampleFiles.docx() }, limits)),
    ).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      en: `This kind of file (${DOCX}) is not accepted; accepted: ${PDF}, ${PNG}`,
    });
  });

  it('refuses bytes of no known type whatever the declared type says', () => {
    expect(
      refusal(() => checkAttachment({ name: 'a.pdf', contentType: PDF, bytes: sampleFiles.exe() }, limits)),
    ).toMatchObject({
      status: 415,
      en: `This kind of file is not accepted; accepted: ${PDF}, ${PNG}`,
    });
  });

  it('refuses a declared type the content contradicts: a PNG sent as a PDF', () => {
    expect(
      refusal(() => checkAttachment({ name: 'scan.pdf', contentType: PDF, bytes: sampleFiles.png() }, limits)),
    ).toMatchObject({
      status: 415,
      zh: `文件内容（${PNG}）与声明的类型（${PDF}）不符`,
    });
  });

  it('takes the type from the bytes when the declared one says nothing, and its usual aliases as the same', () => {
    const all = DEFAULT_ATTACHMENT_LIMITS;
    expect(
      checkAttachment({ name: '发票.ofd', contentType: 'application/octet-stream', bytes: sampleFiles.ofd() }, all),
    ).toBe(OFD);
    expect(checkAttachment({ name: 'x.xlsx', contentType: '', bytes: sampleFiles.xlsx() }, all)).toBe(XLSX);
    expect(checkAttachment({ name: 'x.jpg', contentType: 'image/jpg', bytes: sampleFiles.jpeg() }, all)).toBe(JPEG);
    expect(
      checkAttachment({ name: 'x.pdf', contentType: 'Application/PDF; charset=binary', bytes: sampleFiles.pdf() }, all),
    ).toBe(PDF);
  });

  it('refuses an empty file and a file without a name (400)', () => {
    expect(
      refusal(() => checkAttachment({ name: 'a.pdf', contentType: PDF, bytes: Buffer.alloc(0) }, limits)),
    ).toMatchObject({
      status: 400,
      en: 'The file is empty',
    });
    expect(
      refusal(() => checkAttachment({ name: ' ', contentType: PDF, bytes: sampleFiles.pdf() }, limits)),
    ).toMatchObject({
      status: 400,
      en: 'The file must have a name',
    });
  });

  it('refuses a name longer than a request’s document may carry, or with control characters (400)', () => {
    const pdf = sampleFiles.pdf();
    expect(checkAttachment({ name: `${'审'.repeat(196)}.pdf`, contentType: PDF, bytes: pdf }, limits)).toBe(PDF);
    expect(
      refusal(() => checkAttachment({ name: `${'审'.repeat(197)}.pdf`, contentType: PDF, bytes: pdf }, limits)),
    ).toMatchObject({
      status: 400,
      zh: '附件文件名不能超过 200 个字符',
    });
    expect(refusal(() => checkAttachment({ name: 'a\u0000.pdf', contentType: PDF, bytes: pdf }, limits))).toMatchObject(
      {
        en: 'The file name holds control characters',
      },
    );
  });

  it('keeps the file name without the folders an old browser sends', () => {
    expect(baseName('C:\\扫描件\\审批表.pdf')).toBe('审批表.pdf');
    expect(baseName('/home/a/b.pdf')).toBe('b.pdf');
    expect(baseName('审批表.pdf')).toBe('审批表.pdf');
  });
});
