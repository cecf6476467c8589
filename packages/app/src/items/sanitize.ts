import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

/**
 * The body of an item is HTML pasted from Word or WPS or typed in the editor. What is stored is a
 * small, safe subset: structure (paragraphs, headings, lists, tables with spans), emphasis, links
 * and images. Office's classes, styles, `<o:p>`, `<font>`, comments and conditional blocks, and
 * every script, event handler and foreign URL scheme, are dropped; empty paragraphs go too.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'em',
    'u',
    'sub',
    'sup',
    'ul',
    'ol',
    'li',
    'blockquote',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'a',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    b: 'strong',
    i: 'em',
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    div: 'p',
  },
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'xml', 'title', 'head'],
  exclusiveFilter: (frame) =>
    (frame.tag === 'p' || frame.tag === 'strong' || frame.tag === 'em' || frame.tag === 'u') &&
    frame.text.replace(/[\s\u00a0\u3000]/gu, '') === '' &&
    !frame.mediaChildren.length,
};

export function sanitizeBody(html: string): string {
  // Word's conditional comments (<!--[if gte mso 9]>…<![endif]-->) carry XML, not content.
  const withoutOffice = html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gu, '').replace(/<\/?o:p>/gu, '');
  return sanitizeHtml(withoutOffice, OPTIONS).trim();
}

const BLOCK = new Set(['p', 'br', 'h2', 'h3', 'h4', 'li', 'tr', 'blockquote', 'caption', 'table']);

/** The plain text of sanitized HTML, one line per block, cells separated by a tab. */
export function bodyText(html: string): string {
  const parts: string[] = [];
  const parser = new Parser(
    {
      ontext(text) {
        parts.push(text);
      },
      onopentag(name) {
        if (name === 'td' || name === 'th') {
          parts.push('\t');
        }
      },
      onclosetag(name) {
        if (BLOCK.has(name)) {
          parts.push('\n');
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
