import type { Html } from './html.ts';
import { html } from './html.ts';

export interface PageOptions {
  readonly title: string;
  /** The site's name in the header: the top-level government's name. */
  readonly siteName: string;
  /** The page's own address, for the display options to come back to. */
  readonly path: string;
  readonly body: Html;
  /** Extra elements for <head> (feed links, canonical address). */
  readonly head?: Html;
  /** The search box's current text. */
  readonly query?: string;
}

/** Replaced per request with the reader's display options, so cached pages serve everyone. */
export const VIEW_PLACEHOLDER = '__XXGK_VIEW__';
/** The attribute the placeholder stands in, replaced whole (and dropped when no option is chosen). */
export const VIEW_ATTRIBUTE = ` class="${VIEW_PLACEHOLDER}"`;

/** The display options (适老化) a reader can choose without JavaScript; kept in a cookie. */
export const VIEW_OPTIONS = ['large', 'contrast'] as const;
export type ViewOption = (typeof VIEW_OPTIONS)[number];
export const VIEW_COOKIE = 'xxgk_view';

/** The options in the reader's cookie. */
export function viewOf(cookie: string | undefined): ViewOption[] {
  const chosen = (cookie ?? '').split(',');
  return VIEW_OPTIONS.filter((o) => chosen.includes(o));
}

/** A rendered page with the reader's display options put in (or the placeholder dropped). */
export function withView(body: string, view: readonly ViewOption[]): string {
  return body.replace(VIEW_ATTRIBUTE, view.length === 0 ? '' : ` class="${view.map((v) => `view-${v}`).join(' ')}"`);
}

function viewToggle(option: ViewOption, on: string, off: string, path: string): Html {
  // Both links are rendered; CSS shows the one that applies to the reader's current choice.
  return html`<a class="view-on-${option}" href="/view?${option}=1&amp;back=${encodeURIComponent(path)}">${on}</a
    ><a class="view-off-${option}" href="/view?${option}=0&amp;back=${encodeURIComponent(path)}">${off}</a>`;
}

/**
 * The portal's page frame: plain HTML and one stylesheet, readable without JavaScript, with a skip
 * link, landmarks, a search box, the 适老化 display options (larger text, high contrast) and a
 * visible focus ring (GB/T 37668—2019 信息无障碍 Web 内容访问; WCAG 2.1 AA).
 */
export function page({ title, siteName, path, body, head, query }: PageOptions): string {
  return `<!doctype html>${html`<html lang="zh-CN" class="${VIEW_PLACEHOLDER}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title} - ${siteName}政府信息公开</title>
      <link rel="stylesheet" href="/assets/portal.css" />
      ${head ?? ''}
    </head>
    <body>
      <a class="skip" href="#main">跳到正文</a>
      <header class="site-header">
        <div class="wrap">
          <a class="site-name" href="/">${siteName}<span>政府信息公开</span></a>
          <nav aria-label="网站导航">
            <ul>
              <li><a href="/">首页</a></li>
              <li><a href="/search">信息检索</a></li>
              <li><a href="/apply">依申请公开</a></li>
              <li><a href="/admin/">工作人员登录</a></li>
            </ul>
          </nav>
        </div>
      </header>
      <div class="toolbar">
        <div class="wrap">
          <form class="search-box" role="search" action="/search" method="get">
            <label for="site-q">搜索政府信息</label>
            <input id="site-q" name="q" type="search" value="${query ?? ''}" maxlength="100" />
            <button type="submit">搜索</button>
          </form>
          <p class="view-options">
            <span>显示：</span>${viewToggle('large', '大字版', '标准字号', path)}
            ${viewToggle('contrast', '高对比度', '标准配色', path)}
          </p>
        </div>
      </div>
      <main id="main" class="wrap" tabindex="-1">
        ${body}
        <p class="report-error">
          发现本页内容有误？<a href="/feedback?page=${encodeURIComponent(path)}&amp;title=${encodeURIComponent(title)}"
            >我要纠错</a
          >
        </p>
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>依据《中华人民共和国政府信息公开条例》（国务院令第711号）建设 · <a href="/sitemap.xml">网站地图</a></p>
        </div>
      </footer>
    </body>
  </html>`}`;
}

/** Breadcrumb trail: links, then the current page. */
export function breadcrumb(trail: readonly [string, string][], current: string): Html {
  return html`<nav aria-label="当前位置" class="breadcrumb">
    <ol>
      ${trail.map(([label, href]) => html`<li><a href="${href}">${label}</a></li>`)}
      <li aria-current="page">${current}</li>
    </ol>
  </nav>`;
}

/** Page links for a list: previous, numbers around the current page, next. */
export function pagination(base: string, page: number, total: number, pageSize: number): Html {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) {
    return html``;
  }
  const join = base.includes('?') ? '&' : '?';
  const href = (p: number) => (p === 1 ? base : `${base}${join}page=${p}`);
  const numbers: number[] = [];
  for (let p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p += 1) {
    numbers.push(p);
  }
  return html`<nav class="pagination" aria-label="分页">
    <p>共 ${total} 条，第 ${page}/${pages} 页</p>
    <ul>
      ${page > 1 ? html`<li><a href="${href(page - 1)}" rel="prev">上一页</a></li>` : ''}
      ${numbers.map((p) =>
        p === page
          ? html`<li><span aria-current="page">${p}</span></li>`
          : html`<li><a href="${href(p)}">${p}</a></li>`,
      )}
      ${page < pages ? html`<li><a href="${href(page + 1)}" rel="next">下一页</a></li>` : ''}
    </ul>
  </nav>`;
}
