import type {
  Agency,
  CatalogColumn,
  PublicItem,
  PublicListItem,
  PublicPage,
  SearchResult,
  SnippetPart,
} from '@xxgk/app';
import { shanghaiDate, VALIDITY_LABELS, type ValidityKind } from '@xxgk/core';
import { Html, html } from './html.ts';
import { breadcrumb, page, pagination } from './layout.ts';

export interface Site {
  readonly siteName: string;
  readonly agencies: readonly Agency[];
}

export function day(instant: string | null): string {
  return instant === null || instant === '' ? '' : shanghaiDate(new Date(instant));
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

function parts(list: readonly SnippetPart[]): Html {
  return html`${list.map((p) => (p.hit ? html`<mark>${p.text}</mark>` : p.text))}`;
}

/** The columns from the root down to `id`, for breadcrumbs. */
export function columnPath(catalog: readonly CatalogColumn[], id: number): CatalogColumn[] {
  for (const column of catalog) {
    if (column.id === id) {
      return [column];
    }
    const below = columnPath(column.children, id);
    if (below.length > 0) {
      return [column, ...below];
    }
  }
  return [];
}

function itemList(items: readonly PublicListItem[]): Html {
  return html`<ul class="item-list">
    ${items.map(
      (i) =>
        html`<li>
          <a href="/items/${i.id}">${i.title}</a>
          <span class="meta"
            >${i.docNo === '' ? '' : html`<span>${i.docNo}</span>`}<time datetime="${day(i.publishedAt)}"
              >${day(i.publishedAt)}</time
            ></span
          >
        </li>`,
    )}
  </ul>`;
}

/** The “最新公开” section of the home and agency pages; empty when nothing is published yet. */
export function latestSection(items: readonly PublicListItem[], withPublisher: boolean): Html {
  if (items.length === 0) {
    return html``;
  }
  return html`<section aria-labelledby="latest">
    <h2 id="latest">最新公开</h2>
    <ul class="item-list">
      ${items.map(
        (i) =>
          html`<li>
            <a href="/items/${i.id}">${i.title}</a>
            <span class="meta"
              >${withPublisher ? html`<span>${i.publisher}</span>` : ''}<time datetime="${day(i.publishedAt)}"
                >${day(i.publishedAt)}</time
              ></span
            >
          </li>`,
      )}
    </ul>
  </section>`;
}

/** A column: its sub-columns and its published items, newest first, paginated; with an Atom feed. */
export function columnPage(
  site: Site,
  agency: Agency,
  catalog: readonly CatalogColumn[],
  column: CatalogColumn,
  items: PublicPage<PublicListItem>,
  before: Html = html``,
): string {
  const path = columnPath(catalog, column.id);
  const base = `/agencies/${agency.id}/columns/${column.id}`;
  const body = html`${breadcrumb(
      [
        ['首页', '/'],
        [agency.name, `/agencies/${agency.id}`],
        ...path.slice(0, -1).map((c): [string, string] => [c.name, `/agencies/${agency.id}/columns/${c.id}`]),
      ],
      column.name,
    )}
    <h1>${column.name}</h1>
    <div class="column-layout">
      ${
        column.children.length > 0
          ? html`<nav class="subcolumns" aria-label="下级栏目">
              <h2>下级栏目</h2>
              <ul>
                ${column.children.map((c) => html`<li><a href="/agencies/${agency.id}/columns/${c.id}">${c.name}</a></li>`)}
              </ul>
            </nav>`
          : ''
      }
      <section aria-labelledby="items-title" class="column-items">
        ${before}
        <h2 id="items-title">信息列表</h2>
        ${items.total === 0 ? html`<p class="empty">本栏目暂无信息。</p>` : itemList(items.rows)}
        ${pagination(base, items.page, items.total, items.pageSize)}
        <p class="feed"><a href="${base}/feed.atom">订阅本栏目（Atom）</a></p>
      </section>
    </div>`;
  return page({
    title: `${column.name} - ${agency.name}`,
    siteName: site.siteName,
    path: items.page === 1 ? base : `${base}?page=${items.page}`,
    head: html`<link rel="alternate" type="application/atom+xml" title="${column.name}" href="${base}/feed.atom" />`,
    body,
  });
}

function metaRow(label: string, value: string | Html): Html {
  return html`<tr>
    <th scope="row">${label}</th>
    <td>${value === '' ? '—' : value}</td>
  </tr>`;
}

/** An item's page: the metadata table, the body, attachments, linked 解读 and the revision record. */
export function itemPage(site: Site, agency: Agency, catalog: readonly CatalogColumn[], item: PublicItem): string {
  const path = columnPath(catalog, item.columnId);
  const c = item.content;
  const body = html`${breadcrumb(
      [
        ['首页', '/'],
        [agency.name, `/agencies/${agency.id}`],
        ...path.map((col): [string, string] => [col.name, `/agencies/${agency.id}/columns/${col.id}`]),
      ],
      '正文',
    )}
    <article class="item">
      <table class="item-meta">
        <caption>
          信息基本情况
        </caption>
        <tbody>
          ${metaRow('索引号', item.indexNo ?? '')} ${metaRow('主题分类', c.topic)} ${metaRow('发布机构', c.publisher)}
          ${metaRow('体裁分类', c.genre)} ${metaRow('发文字号', c.docNo)} ${metaRow('成文日期', c.writtenOn)}
          ${metaRow('发布日期', day(item.publishedAt))}
          ${metaRow('有效性', c.validity === 'none' ? '' : VALIDITY_LABELS[c.validity])}
          ${metaRow('关键词', c.keywords)} ${metaRow('内容概述', c.summary)}
        </tbody>
      </table>
      <h1>${c.title}</h1>
      ${
        item.revisedAt === null
          ? ''
          : html`<p class="revised" role="note">
              本文已于 ${day(item.revisedAt)} 修订${c.changeNote === '' ? '' : `：${c.changeNote}`}。修订记录见文末。
            </p>`
      }
      <div class="item-body">
        ${
          // Sanitized when it was saved (packages/app/src/items/sanitize.ts).
          new Html(c.bodyHtml)
        }
      </div>
      ${
        item.attachments.length === 0
          ? ''
          : html`<section aria-labelledby="att" class="attachments">
              <h2 id="att">附件</h2>
              <ul>
                ${item.attachments.map(
                  (a) =>
                    html`<li>
                      <a href="/items/${item.id}/attachments/${a.id}/${encodeURIComponent(a.fileName)}" download
                        >${a.fileName}</a
                      >
                      <span class="meta">${size(a.size)}</span>
                    </li>`,
                )}
              </ul>
            </section>`
      }
      ${
        item.interpretations.length === 0
          ? ''
          : html`<section aria-labelledby="interp" class="links">
              <h2 id="interp">政策解读</h2>
              ${itemList(item.interpretations)}
            </section>`
      }
      ${
        item.policies.length === 0
          ? ''
          : html`<section aria-labelledby="policy" class="links">
              <h2 id="policy">相关政策文件</h2>
              ${itemList(item.policies)}
            </section>`
      }
      ${
        item.revisions.length === 0
          ? ''
          : html`<section aria-labelledby="rev" class="revisions">
              <h2 id="rev">修订记录</h2>
              <ul>
                <li>${day(item.publishedAt)} 首次发布</li>
                ${item.revisions.map((r) => html`<li>${day(r.at)} 修订${r.changeNote === '' ? '' : `：${r.changeNote}`}</li>`)}
              </ul>
            </section>`
      }
    </article>`;
  return page({ title: c.title, siteName: site.siteName, path: `/items/${item.id}`, body });
}

/** What a reader sees at the address of a withdrawn item: that it was withdrawn, nothing of it. */
export function withdrawnPage(site: Site, id: number): string {
  return page({
    title: '信息已撤销',
    siteName: site.siteName,
    path: `/items/${id}`,
    body: html`<h1>该信息已撤销发布</h1>
      <p>
        您访问的信息已由发布机关撤销发布。如需了解相关情况，请联系发布机关，或<a href="/search">检索其他信息</a>。
      </p>`,
  });
}

export interface SearchForm {
  readonly q: string;
  readonly agencyId?: number | undefined;
  readonly columnId?: number | undefined;
  readonly year?: number | undefined;
  readonly validity?: string | undefined;
}

function searchBase(form: SearchForm): string {
  const params = new URLSearchParams();
  params.set('q', form.q);
  if (form.agencyId !== undefined) {
    params.set('agency', String(form.agencyId));
    if (form.columnId !== undefined) {
      params.set('column', String(form.columnId));
    }
  }
  if (form.year !== undefined) {
    params.set('year', String(form.year));
  }
  if (form.validity !== undefined) {
    params.set('validity', form.validity);
  }
  return `/search?${params.toString()}`;
}

/**
 * 站内搜索: the form with its filters, and the results with highlighted matches. The column filter
 * appears once an agency is chosen (its columns are that agency's), so the form needs no script.
 */
export function searchPage(
  site: Site,
  form: SearchForm,
  result: SearchResult | undefined,
  years: readonly number[],
  columns: readonly { id: number; name: string; depth: number }[],
): string {
  const agencyName = new Map(site.agencies.map((a) => [a.id, a.name]));
  const selected = (on: boolean) => (on ? html`selected` : '');
  const body = html`${breadcrumb([['首页', '/']], '信息检索')}
    <h1>信息检索</h1>
    <form class="search-form" action="/search" method="get">
      <p>
        <label for="q">关键词</label>
        <input id="q" name="q" type="search" value="${form.q}" maxlength="100" />
      </p>
      <p>
        <label for="agency">发布机关</label>
        <select id="agency" name="agency">
          <option value="">全部机关</option>
          ${site.agencies.map((a) => html`<option value="${a.id}" ${selected(a.id === form.agencyId)}>${a.name}</option>`)}
        </select>
      </p>
      ${
        columns.length === 0
          ? ''
          : html`<p>
              <label for="column">栏目</label>
              <select id="column" name="column">
                <option value="">全部栏目</option>
                ${columns.map(
                  (c) =>
                    html`<option value="${c.id}" ${selected(c.id === form.columnId)}>
                      ${'　'.repeat(c.depth)}${c.name}
                    </option>`,
                )}
              </select>
            </p>`
      }
      <p>
        <label for="year">发布年份</label>
        <select id="year" name="year">
          <option value="">不限</option>
          ${years.map((y) => html`<option value="${y}" ${selected(y === form.year)}>${y}年</option>`)}
        </select>
      </p>
      <p>
        <label for="validity">有效性</label>
        <select id="validity" name="validity">
          <option value="">不限</option>
          ${(['valid', 'expired', 'abolished'] as const).map(
            (v) => html`<option value="${v}" ${selected(v === form.validity)}>${VALIDITY_LABELS[v]}</option>`,
          )}
        </select>
      </p>
      <p><button type="submit">检索</button></p>
    </form>
    ${
      result === undefined
        ? html`<p class="empty">请输入要查找的词语，例如“预算”“招聘”“规划”。</p>`
        : html`<section aria-labelledby="results" class="results">
            <h2 id="results">检索结果</h2>
            <p class="summary" role="status">
              ${result.total === 0 ? html`没有找到与“${form.q}”相关的信息。` : html`找到 ${result.total} 条与“${form.q}”相关的信息（用时 ${result.tookMs} 毫秒）。`}
            </p>
            <ol class="hits" start="${(result.page - 1) * result.pageSize + 1}">
              ${result.rows.map(
                (hit) =>
                  html`<li>
                    <h3><a href="/items/${hit.id}">${parts(hit.titleParts)}</a></h3>
                    <p class="snippet">${parts(hit.snippet)}</p>
                    <p class="meta">
                      <span>${agencyName.get(hit.agencyId) ?? ''}</span
                      >${hit.docNo === '' ? '' : html`<span>${hit.docNo}</span>`}
                      <time datetime="${day(hit.publishedAt)}">${day(hit.publishedAt)}</time>
                      ${hit.validity === 'none' ? '' : html`<span>${VALIDITY_LABELS[hit.validity as ValidityKind]}</span>`}
                    </p>
                  </li>`,
              )}
            </ol>
            ${pagination(searchBase(form), result.page, result.total, result.pageSize)}
          </section>`
    }`;
  const path =
    result === undefined ? '/search' : result.page === 1 ? searchBase(form) : `${searchBase(form)}&page=${result.page}`;
  return page({
    title: form.q === '' ? '信息检索' : `“${form.q}”的检索结果`,
    siteName: site.siteName,
    path,
    body,
    query: form.q,
  });
}
