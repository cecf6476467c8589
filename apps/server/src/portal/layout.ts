import { html, type Html } from './html.ts';

export interface PageOptions {
  readonly title: string;
  /** The site's name in the header: the top-level government's name. */
  readonly siteName: string;
  readonly body: Html;
}

/**
 * The portal's page frame: plain HTML and one stylesheet, readable without JavaScript, with a skip
 * link, landmarks and a visible focus ring (GB/T 37668—2019 信息无障碍 Web 内容访问).
 */
export function page({ title, siteName, body }: PageOptions): string {
  return `<!doctype html>${html`<html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title} - ${siteName}政府信息公开</title>
      <link rel="stylesheet" href="/assets/portal.css" />
    </head>
    <body>
      <a class="skip" href="#main">跳到正文</a>
      <header class="site-header">
        <div class="wrap">
          <a class="site-name" href="/">${siteName}<span>政府信息公开</span></a>
          <nav aria-label="网站导航">
            <ul>
              <li><a href="/">首页</a></li>
              <li><a href="/admin/">工作人员登录</a></li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" class="wrap">${body}</main>
      <footer class="site-footer">
        <div class="wrap">
          <p>依据《中华人民共和国政府信息公开条例》（国务院令第711号）建设</p>
        </div>
      </footer>
    </body>
  </html>`}`;
}
