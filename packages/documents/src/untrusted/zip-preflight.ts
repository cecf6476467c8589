import { inflateRawSync } from 'node:zlib';
import { fileRejected, type ParseLimits } from './limits.ts';

/**
 * Looks inside a zip container (DOCX, XLSX, OFD) before any parser does, within the limits: how many
 * entries, how many bytes they really inflate to (each entry is inflated with a hard output cap, so a
 * lying size field does not help a bomb), and, in each XML part, no DTD or entity declaration (XXE
 * and "billion laughs"), no nesting deeper than allowed, and not too many paragraphs or rows.
 * Throws {@link fileRejected} naming the limit. The zip format: PKWARE APPNOTE 6.3.10, §4.3.
 */
export function preflightZip(bytes: Uint8Array, limits: ParseLimits): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) {
    throw fileRejected('corrupt', limits, '找不到 zip 目录');
  }
  const entries = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) {
    throw fileRejected('inflatedBytes', limits, 'ZIP64 容器');
  }
  if (entries > limits.zipEntries) {
    throw fileRejected('zipEntries', limits, `${entries} 个`);
  }
  if (dirOffset + dirSize > buf.length) {
    throw fileRejected('corrupt', limits, 'zip 目录越界');
  }
  let inflatedTotal = 0;
  let at = dirOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) {
      throw fileRejected('corrupt', limits, 'zip 目录项无效');
    }
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if ((flags & 0x1) !== 0) {
      throw fileRejected('unsafe', limits, `加密的部件 ${name}`);
    }
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50) {
      throw fileRejected('corrupt', limits, `部件 ${name} 的位置无效`);
    }
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buf.length) {
      throw fileRejected('corrupt', limits, `部件 ${name} 不完整`);
    }
    const budget = limits.inflatedBytes - inflatedTotal;
    const data = inflateEntry(buf.subarray(dataStart, dataStart + compressedSize), method, budget, name, limits);
    inflatedTotal += data.length;
    if (/\.(xml|rels)$/iu.test(name)) {
      checkXmlPart(name, data, limits);
    }
  }
}

/** The End Of Central Directory record: 22 bytes plus a comment of up to 65,535 bytes, at the end. */
function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      return i;
    }
  }
  return -1;
}

function inflateEntry(raw: Buffer, method: number, budget: number, name: string, limits: ParseLimits): Buffer {
  if (method === 0) {
    if (raw.length > budget) {
      throw fileRejected('inflatedBytes', limits);
    }
    return raw;
  }
  if (method !== 8) {
    throw fileRejected('unsafe', limits, `部件 ${name} 使用了不支持的压缩方法 ${method}`);
  }
  try {
    // One byte over the budget is enough to know it is over.
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, budget + 1) }).subarray(0, budget + 1);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw fileRejected('inflatedBytes', limits);
    }
    throw fileRejected('corrupt', limits, `部件 ${name} 无法解压`);
  }
}

function checkXmlPart(name: string, data: Buffer, limits: ParseLimits): void {
  if (data.length > limits.xmlPartBytes) {
    throw fileRejected('xmlPartBytes', limits, name);
  }
  const xml = data.toString('utf8');
  // A DOCTYPE is where external entities (XXE) and entity expansion live; OOXML never needs one.
  if (/<!DOCTYPE|<!ENTITY/iu.test(xml)) {
    throw fileRejected('unsafe', limits, `${name} 含 DOCTYPE 或实体声明`);
  }
  const depth = maxDepth(xml, limits.xmlDepth);
  if (depth > limits.xmlDepth) {
    throw fileRejected('xmlDepth', limits, name);
  }
  if (/^word\/document\.xml$/iu.test(name) && countTags(xml, /<w:p[\s>/]/gu, limits.paragraphs) > limits.paragraphs) {
    throw fileRejected('paragraphs', limits);
  }
  if (/^xl\/worksheets\/[^/]+\.xml$/iu.test(name) && countTags(xml, /<row[\s>/]/gu, limits.rows) > limits.rows) {
    throw fileRejected('rows', limits, name);
  }
}

/** Occurrences of a tag, counting no further than one past `stop`. */
function countTags(xml: string, tag: RegExp, stop: number): number {
  let n = 0;
  while (tag.exec(xml) !== null && n <= stop) {
    n++;
  }
  return n;
}

/** The deepest nesting of elements, stopping once past `stop`; comments, CDATA and PIs are skipped. */
function maxDepth(xml: string, stop: number): number {
  let depth = 0;
  let deepest = 0;
  let i = xml.indexOf('<');
  while (i >= 0 && deepest <= stop) {
    const next = xml.charCodeAt(i + 1);
    const end = xml.indexOf('>', i);
    if (end < 0) {
      break;
    }
    if (next === 0x2f /* / */) {
      depth--;
    } else if (next !== 0x21 /* ! */ && next !== 0x3f /* ? */ && xml.charCodeAt(end - 1) !== 0x2f) {
      depth++;
      deepest = Math.max(deepest, depth);
    }
    i = xml.indexOf('<', end);
  }
  return deepest;
}
