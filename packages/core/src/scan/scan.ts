import { isOrderNumber, parseDocumentNumber } from '../items/document-number.ts';
import { findPersonalData, namesWithIdNumbers, PERSONAL_DATA_LABELS, type ScanSeverity } from './personal-data.ts';
import { findWording, WORDING_CATEGORY_LABELS, type WordingDictionary } from './wording.ts';

/**
 * The scanner (issue 8 §1): one finding shape for wording, personal data and form, over the parts of
 * an item — title, body, attachments' text — and over any file checked with `xxgk scan`. Each
 * finding says where it is, how bad, and what to write instead; its fingerprint (the check and a hash
 * of the words with a little of their context) is what a dismissal remembers, so a false positive
 * that was dismissed is not raised again for that text, wherever else the item changes.
 */
export interface ScanFinding {
  /** wording.<category>, personal.<kind>, personal.id_list, personal.address, form.<check>. */
  readonly check: string;
  readonly severity: ScanSeverity;
  /** Which part: title, docNo, writtenOn, body, links, attachment:<name>, file:<name>. */
  readonly field: string;
  /** The words found ('' for a finding about the whole part). */
  readonly text: string;
  /** The words with some context, for a reader. */
  readonly excerpt: string;
  /** Line (1-based) in the part, when it has lines. */
  readonly line?: number;
  readonly message: string;
  readonly suggestion?: string;
  readonly fingerprint: string;
}

export const SCAN_CHECK_LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(WORDING_CATEGORY_LABELS).map(([k, v]) => [`wording.${k}`, `错敏：${v}`])),
  ...Object.fromEntries(Object.entries(PERSONAL_DATA_LABELS).map(([k, v]) => [`personal.${k}`, `个人信息：${v}`])),
  'personal.id_list': '个人信息：姓名与身份证号并列',
  'personal.address': '个人信息：住址',
  'form.doc_no': '格式：发文字号',
  'form.doc_no_year': '格式：发文字号年份',
  'form.written_on_future': '格式：成文日期',
  'form.published_before_written': '格式：发布日期',
  'form.empty': '格式：空白信息',
  'form.summary': '格式：内容概述',
  'form.attachment_empty': '附件：无内容',
  'form.attachment_unreadable': '附件：无法读取',
  'form.link_internal': '链接：内网地址',
  'form.link_dead': '链接：失效',
  'form.index_duplicate': '索引号：重复',
  'form.index_gap': '索引号：断号',
};

export function scanCheckLabel(check: string): string {
  return SCAN_CHECK_LABELS[check] ?? check;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: '标题',
  summary: '内容概述',
  body: '正文',
  images: '图片说明',
  links: '链接',
  docNo: '发文字号',
  writtenOn: '成文日期',
  indexNo: '索引号',
};

/** Where a finding is, in words: 正文, 附件“名单.xlsx”… */
export function fieldLabel(field: string): string {
  if (field.startsWith('attachment:')) {
    return `附件“${field.slice('attachment:'.length)}”`;
  }
  if (field.startsWith('file:')) {
    return field.slice('file:'.length);
  }
  return FIELD_LABELS[field] ?? field;
}

const CONTEXT = 10;

/** FNV-1a, 64 bits, as hex: a fingerprint that does not keep the words (a number found stays out of the database). */
function hash(value: string): string {
  let h = 0xcbf29ce484222325n;
  for (const unit of new TextEncoder().encode(value)) {
    h ^= BigInt(unit);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

function fingerprint(check: string, text: string, start: number, end: number): string {
  return `${check}|${hash(`${text.slice(Math.max(0, start - CONTEXT), start)}[${text.slice(start, end)}]${text.slice(end, end + CONTEXT)}`)}`;
}

/**
 * Text with personal data masked, for what the platform shows and stores about a finding (the
 * dashboard, the monthly report that is sent round): whole numbers in their masked form, and long
 * runs of digits cut off at the context's edge shortened too.
 */
export function maskPersonalData(text: string): string {
  const runs = (segment: string) =>
    segment.replace(/\d{6,}/gu, (run) => `${run.slice(0, 3)}${'*'.repeat(run.length - 3)}`);
  let out = '';
  let from = 0;
  for (const p of findPersonalData(text)) {
    out += `${runs(text.slice(from, p.start))}${p.masked}`;
    from = p.end;
  }
  return out + runs(text.slice(from));
}

function excerptOf(text: string, start: number, end: number): string {
  const before = maskPersonalData(text.slice(Math.max(0, start - CONTEXT), start).replace(/\s+/gu, ' '));
  const after = maskPersonalData(text.slice(end, end + CONTEXT).replace(/\s+/gu, ' '));
  const found = maskPersonalData(text.slice(start, end));
  return `${start > CONTEXT ? '…' : ''}${before}【${found}】${after}${end + CONTEXT < text.length ? '…' : ''}`;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
  }
  return line;
}

// A home: 3栋2单元501室, 5号楼1203, 幢…室 — an agency's office address stops at the street number.
const HOME_ADDRESS =
  /[\p{Script=Han}\d]{2,24}?(?:\d+|[一二三四五六七八九十]+)(?:栋|幢|号楼)(?:\d+单元)?\d{2,4}(?:室|号房|房)?/gu;

const LABELLED_ADDRESS = /(?:家庭住址|现住址|户籍地址|住址|住所地)[:：]\s*([^\s，。；;,、）)]{4,40})/gu;

export interface ScanTextOptions {
  readonly dictionary: WordingDictionary;
  /** The publication date the check assumes (YYYY-MM-DD). */
  readonly date: string;
}

/** Wording and personal data in one part of an item or file. */
export function scanText(field: string, text: string, { dictionary, date }: ScanTextOptions): ScanFinding[] {
  const findings: ScanFinding[] = [];
  const at = (check: string, start: number, end: number) => ({
    check,
    field,
    text: maskPersonalData(text.slice(start, end)),
    excerpt: excerptOf(text, start, end),
    line: lineAt(text, start),
    fingerprint: fingerprint(check, text, start, end),
  });
  for (const w of findWording(text, dictionary, date)) {
    findings.push({
      ...at(`wording.${w.category}`, w.start, w.end),
      severity: w.severity,
      message: w.message,
      suggestion: w.suggestion,
    });
  }
  for (const p of findPersonalData(text)) {
    findings.push({
      ...at(`personal.${p.kind}`, p.start, p.end),
      severity: p.severity,
      message: p.message,
      suggestion: p.masked,
    });
  }
  const addresses: [number, number][] = [];
  for (const m of text.matchAll(HOME_ADDRESS)) {
    addresses.push([m.index, m.index + m[0].length]);
    findings.push({
      ...at('personal.address', m.index, m.index + m[0].length),
      severity: 'warning',
      message: '疑似个人住址（含楼栋、单元、房号），公开前应隐去门牌以下部分',
      suggestion: m[0].replace(/(?:\d+|[一二三四五六七八九十]+)(?:栋|幢|号楼).*$/u, '**'),
    });
  }
  // A labelled home address (住址：…), whatever its form, unless already found above.
  for (const m of text.matchAll(LABELLED_ADDRESS)) {
    const value = m[1]!;
    const start = m.index + m[0].length - value.length;
    const end = start + value.length;
    if (addresses.some(([s, e]) => start < e && end > s)) {
      continue;
    }
    findings.push({
      ...at('personal.address', start, end),
      severity: 'warning',
      message: '含个人住址，公开前应隐去（或只保留到乡镇、街道）',
      suggestion: `${value.slice(0, Math.min(6, value.length))}**`,
    });
  }
  const lines = text.split('\n');
  const listed = namesWithIdNumbers(lines);
  if (listed.length > 0) {
    const first = lines[listed[0]!] ?? '';
    findings.push({
      check: 'personal.id_list',
      severity: 'severe',
      field,
      text: '',
      excerpt: maskPersonalData(first.slice(0, 40)),
      line: listed[0]! + 1,
      message: `名单中姓名与完整身份证号码并列（${listed.length} 行），属于公开个人信息，须去标识化后再公开`,
      suggestion: '删除身份证号码列，或只保留前 6 位和后 4 位',
      fingerprint: `personal.id_list|${hash(`${field}|${first.slice(0, 40)}`)}`,
    });
  }
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** What the form checks look at. */
export interface FormFields {
  readonly docNo: string;
  readonly writtenOn: string | null;
  /** The publication date: today for a submission, the recorded one for a published item. */
  readonly publishedOn: string;
  readonly today: string;
}

function whole(check: string, field: string, severity: ScanSeverity, message: string, suggestion?: string, key = '') {
  return {
    check,
    field,
    severity,
    text: '',
    excerpt: '',
    message,
    ...(suggestion === undefined ? {} : { suggestion }),
    fingerprint: `${check}|${field}|${key}`,
  } satisfies ScanFinding;
}

/** 发文字号 form, its year against the 成文日期, and the dates. */
export function checkForm({ docNo, writtenOn, publishedOn, today }: FormFields): ScanFinding[] {
  const findings: ScanFinding[] = [];
  if (docNo !== '' && !isOrderNumber(docNo)) {
    const parsed = parseDocumentNumber(docNo);
    if (!parsed.ok) {
      findings.push(whole('form.doc_no', 'docNo', 'severe', parsed.message, undefined, docNo));
    } else if (writtenOn !== null && String(parsed.value.year) !== writtenOn.slice(0, 4)) {
      findings.push(
        whole(
          'form.doc_no_year',
          'docNo',
          'warning',
          `发文字号的年份 ${parsed.value.year} 与成文日期 ${writtenOn} 不在同一年`,
          '核对发文字号或成文日期',
          `${docNo}|${writtenOn}`,
        ),
      );
    }
  }
  if (writtenOn !== null && writtenOn > today) {
    findings.push(
      whole(
        'form.written_on_future',
        'writtenOn',
        'severe',
        `成文日期 ${writtenOn} 晚于今天`,
        '核对落款日期',
        writtenOn,
      ),
    );
  } else if (writtenOn !== null && publishedOn < writtenOn) {
    findings.push(
      whole(
        'form.published_before_written',
        'writtenOn',
        'severe',
        `发布日期 ${publishedOn} 早于成文日期 ${writtenOn}（伪造发稿日期属单项否决）`,
        '核对成文日期',
        `${writtenOn}|${publishedOn}`,
      ),
    );
  }
  return findings;
}

const PRIVATE_HOST =
  /^(?:localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(?:1[6-9]|2\d|3[01])\.\d+\.\d+|[^.]+|.+\.(?:local|lan|internal|intranet))$/iu;

/**
 * Links that point inside the agency's network (a file share, an OA system, a private address)
 * are dead for the public; `deadReason` says why another link does not open (a portal page that is
 * gone, or what the nightly scan's probe found).
 */
export function checkLinks(
  links: readonly string[],
  /** Why a link is dead (本站不存在该页面, HTTP 404, 无法连接…), or undefined when it works or was not tried. */
  deadReason: (href: string) => string | undefined = () => undefined,
): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const href of new Set(links)) {
    if (/^(?:file:|\\\\|smb:)/iu.test(href)) {
      findings.push(
        whole('form.link_internal', 'links', 'severe', `链接指向内部共享文件：${href}`, '上传为附件或删除链接', href),
      );
      continue;
    }
    let host: string;
    try {
      host = new URL(href).hostname;
    } catch {
      host = '';
    }
    if (host !== '' && /^https?:/iu.test(href) && PRIVATE_HOST.test(host)) {
      findings.push(
        whole(
          'form.link_internal',
          'links',
          'severe',
          `链接指向内网地址 ${host}，公众无法打开：${href}`,
          '改为公网地址或删除链接',
          href,
        ),
      );
    } else {
      const reason = deadReason(href);
      if (reason !== undefined) {
        findings.push(
          whole('form.link_dead', 'links', 'warning', `链接打不开（${reason}）：${href}`, '更新或删除链接', href),
        );
      }
    }
  }
  return findings;
}

/** Text of a body's HTML links (href values). */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref\s*=\s*["']([^"']+)["']/giu)].map((m) => m[1]!);
}

/**
 * 索引号 problems over an agency's numbered items (published and withdrawn: a withdrawn item keeps its
 * number): the same number twice (severe: an index number identifies one item), and numbers in a
 * period's sequence that no item holds (a warning the inspection asks about). Numbers end in
 * `-{serial}` (docs/rules.md#index-number).
 */
export function checkIndexNumbers(
  items: readonly { readonly id: number; readonly indexNo: string }[],
): { readonly itemId: number | null; readonly finding: ScanFinding }[] {
  const out: { itemId: number | null; finding: ScanFinding }[] = [];
  const seen = new Map<string, number>();
  const serials = new Map<string, number[]>();
  for (const { id, indexNo } of items) {
    if (seen.has(indexNo)) {
      out.push({
        itemId: id,
        finding: whole(
          'form.index_duplicate',
          'indexNo',
          'severe',
          `索引号 ${indexNo} 与另一条信息重复`,
          '重新编号',
          indexNo,
        ),
      });
    }
    seen.set(indexNo, id);
    const m = /^(.*)-(\d+)$/u.exec(indexNo);
    if (m !== null) {
      const list = serials.get(m[1]!) ?? [];
      list.push(Number(m[2]));
      serials.set(m[1]!, list);
    }
  }
  for (const [prefix, list] of serials) {
    const sorted = [...new Set(list)].sort((a, b) => a - b);
    let count = 0;
    const first: number[] = [];
    for (let i = 1; i < sorted.length; i += 1) {
      count += sorted[i]! - sorted[i - 1]! - 1;
      for (let n = sorted[i - 1]! + 1; n < sorted[i]! && first.length < 5; n += 1) {
        first.push(n);
      }
    }
    if (count > 0) {
      const width = /-(\d+)$/u.exec(items[0]?.indexNo ?? '')?.[1]?.length ?? 5;
      const shown = first.map((n) => `${prefix}-${String(n).padStart(width, '0')}`);
      out.push({
        itemId: null,
        finding: whole(
          'form.index_gap',
          'indexNo',
          'warning',
          `索引号断号 ${count} 个：${shown.join('、')}${count > 5 ? ' 等' : ''}（撤回或删除的信息应说明）`,
          '核对是否有信息被撤回，或补发',
          hash(`${prefix}|${sorted.join(',')}`),
        ),
      });
    }
  }
  return out;
}
