import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c;
});

function crc32(data: Buffer): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) {
    c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  }
  return (c ^ -1) >>> 0;
}

/** A zip (PKWARE APPNOTE §4.3) of these parts, deflated: the container of DOCX, XLSX and OFD. */
export function zipOf(parts: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    central.push(entry, fileName);
    offset += 30 + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Hostile files for tests, made on the spot (small on disk, enormous or dangerous inside), so no
 * binary needs to live in the repository. Each is the shape a probe used against the platform.
 */
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A DOCX whose word/document.xml is `prolog` + a body of `body`, with optional extra parts. */
export function craftDocx(
  body: string | Buffer,
  options: { prolog?: string; extra?: Record<string, string> } = {},
): Buffer {
  const document = Buffer.concat([
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${options.prolog ?? ''}<w:document ${W}><w:body>`),
    typeof body === 'string' ? Buffer.from(body) : body,
    Buffer.from('</w:body></w:document>'),
  ]);
  return zipOf({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS,
    'word/document.xml': document,
    ...options.extra,
  });
}

export const HOSTILE = {
  /** About 30 KB: three million empty paragraphs (froze the server for 100 s, then out of heap). */
  paragraphs: () => craftDocx('<w:p/>'.repeat(3_000_000)),
  /** About 200 KB: one paragraph of 200 MB of text. */
  inflated: () =>
    craftDocx(
      Buffer.concat([
        Buffer.from('<w:p><w:r><w:t>'),
        Buffer.alloc(200 * 1024 * 1024, '政'),
        Buffer.from('</w:t></w:r></w:p>'),
      ]),
    ),
  /** An external entity (XXE): reads a file of the server's. */
  xxe: () =>
    craftDocx('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>', {
      prolog: '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    }),
  /** "Billion laughs": entities expanding to gigabytes. */
  laughs: () =>
    craftDocx('<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>', {
      prolog: `<!DOCTYPE w:document [<!ENTITY l0 "ha">${Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
      ).join('')}]>`,
    }),
  /** Elements nested fifty thousand deep. */
  deep: () => craftDocx(`<w:p>${'<w:r>'.repeat(50_000)}${'</w:r>'.repeat(50_000)}</w:p>`),
  /** Five thousand parts. */
  entries: () =>
    craftDocx('<w:p/>', {
      extra: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`word/media/x${i}.txt`, 'x'])),
    }),
  /** An XLSX-shaped zip whose sheet has 150,000 rows. */
  rows: () =>
    zipOf({
      '[Content_Types].xml': CONTENT_TYPES,
      'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet><sheetData>${'<row><c t="inlineStr"><is><t>1</t></is></c></row>'.repeat(150_000)}</sheetData></worksheet>`,
    }),
} as const;
