import type { Agency, CatalogColumn, PublicListItem } from '@xxgk/app';
import { escapeHtml } from './html.ts';

/** An Atom 1.0 feed (RFC 4287) of a column's latest items. */
export function columnFeed(
  origin: string,
  agency: Agency,
  column: CatalogColumn,
  items: readonly PublicListItem[],
): string {
  const self = `${origin}/agencies/${agency.id}/columns/${column.id}`;
  const updated = items[0]?.revisedAt ?? items[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = items.map((i) => {
    const link = `${origin}/items/${i.id}`;
    return `  <entry>
    <title>${escapeHtml(i.title)}</title>
    <link rel="alternate" type="text/html" href="${link}"/>
    <id>${link}</id>
    <published>${i.publishedAt}</published>
    <updated>${i.revisedAt ?? i.publishedAt}</updated>
    <author><name>${escapeHtml(i.publisher)}</name></author>
    ${i.summary === '' ? '' : `<summary>${escapeHtml(i.summary)}</summary>`}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>${escapeHtml(`${agency.name} - ${column.name}`)}</title>
  <link rel="self" type="application/atom+xml" href="${self}/feed.atom"/>
  <link rel="alternate" type="text/html" href="${self}"/>
  <id>${self}</id>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

/** sitemap.xml (sitemaps.org 0.9): home, search, every agency, column and published item. */
export function sitemap(
  origin: string,
  agencies: readonly Agency[],
  columns: readonly { agencyId: number; id: number }[],
  items: readonly { id: number; lastmod: string }[],
): string {
  const url = (loc: string, lastmod?: string) =>
    `  <url><loc>${escapeHtml(origin + loc)}</loc>${lastmod === undefined ? '' : `<lastmod>${lastmod.slice(0, 10)}</lastmod>`}</url>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${[
  url('/'),
  url('/search'),
  ...agencies.flatMap((a) => [url(`/agencies/${a.id}`), url(`/agencies/${a.id}/guide`)]),
  ...columns.map((c) => url(`/agencies/${c.agencyId}/columns/${c.id}`)),
  ...items.map((i) => url(`/items/${i.id}`, i.lastmod)),
].join('\n')}
</urlset>
`;
}

export function flattenColumns(catalog: readonly CatalogColumn[]): CatalogColumn[] {
  return catalog.flatMap((c) => [c, ...flattenColumns(c.children)]);
}
