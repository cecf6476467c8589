import { DomainError } from '@xxgk/core';
import { checkUntrustedFile } from '@xxgk/documents';
import { fileTypeFromBuffer } from 'file-type';

/**
 * Which files may be attached to a published item, decided by their content (magic numbers, and
 * for Office files the parts inside the zip), never by the name alone: a renamed executable is
 * refused, and the extension must agree with what the bytes are.
 */
export const ATTACHMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', label: 'PDF' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格' },
  xls: { mediaType: 'application/vnd.ms-excel', label: 'Excel 97–2003 表格' },
  doc: { mediaType: 'application/msword', label: 'Word 97–2003 文档' },
  ofd: { mediaType: 'application/ofd', label: 'OFD 版式文件' },
  png: { mediaType: 'image/png', label: 'PNG 图片' },
  jpg: { mediaType: 'image/jpeg', label: 'JPEG 图片' },
  gif: { mediaType: 'image/gif', label: 'GIF 图片' },
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;

const ALLOWED_LIST = 'PDF、DOCX、DOC、XLSX、XLS、OFD、PNG、JPG、GIF';

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  return ext === 'jpeg' ? 'jpg' : ext;
}

/** What the bytes are, among the allowed kinds; throws VALIDATION_FAILED in Chinese otherwise. */
export async function attachmentKind(fileName: string, bytes: Uint8Array, maxBytes: number): Promise<AttachmentKind> {
  const refuse = (message: string): never => {
    throw new DomainError('VALIDATION_FAILED', message, { issues: [{ path: 'file', message }] });
  };
  if (bytes.length === 0) {
    refuse(`附件“${fileName}”是空文件`);
  }
  if (bytes.length > maxBytes) {
    refuse(
      `附件“${fileName}”有 ${(bytes.length / 1048576).toFixed(1)} MB，超过 ${(maxBytes / 1048576).toFixed(0)} MB 的上限`,
    );
  }
  const ext = extensionOf(fileName);
  const detected = await fileTypeFromBuffer(bytes);
  let kind: AttachmentKind | undefined;
  switch (detected?.ext) {
    case 'pdf':
    case 'docx':
    case 'xlsx':
    case 'png':
    case 'jpg':
    case 'gif':
      kind = detected.ext;
      break;
    case 'cfb':
      // OLE compound file: the legacy Office formats look alike inside; trust the extension between them.
      kind = ext === 'xls' || ext === 'doc' ? ext : undefined;
      break;
    case 'zip':
      // OFD (GB/T 33190—2016) is a zip whose entry point is OFD.xml.
      kind = Buffer.from(bytes).includes('OFD.xml') ? 'ofd' : undefined;
      break;
    default:
      kind = undefined;
  }
  if (kind === undefined) {
    return refuse(`附件“${fileName}”不是允许的文件类型（允许：${ALLOWED_LIST}），或文件已损坏`);
  }
  if (ext !== kind) {
    return refuse(`附件“${fileName}”的扩展名与内容不符：内容是${ATTACHMENT_TYPES[kind].label}，请改为 .${kind}`);
  }
  if (kind === 'docx' || kind === 'xlsx' || kind === 'ofd') {
    // A zip container is looked into before it is kept: a bomb or an XXE part is refused at the door.
    await checkUntrustedFile(fileName, bytes);
  }
  return kind;
}
