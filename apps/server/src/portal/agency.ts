import type { Agency, CatalogColumn, PublicListItem } from '@xxgk/app';
import { AGENCY_KIND_LABELS } from '@xxgk/core';
import { html, type Html } from './html.ts';
import { latestSection } from './items.ts';
import { breadcrumb, page } from './layout.ts';

function columnList(agencyId: number, columns: readonly CatalogColumn[]): Html {
  if (columns.length === 0) {
    return html``;
  }
  return html`<ul>
    ${columns.map(
      (c) =>
        html`<li><a href="/agencies/${agencyId}/columns/${c.id}">${c.name}</a>${columnList(agencyId, c.children)}</li>`,
    )}
  </ul>`;
}

/** The 指南's contact facts that the agency has filled in, as term and value. */
function contactRows(agency: Agency): [string, Html | string][] {
  const rows: [string, Html | string][] = [['机关类型', AGENCY_KIND_LABELS[agency.kind]]];
  const add = (term: string, value: string, link?: string) => {
    if (value !== '') {
      rows.push([term, link === undefined ? value : html`<a href="${link}">${value}</a>`]);
    }
  };
  add('办公地址', agency.address);
  add('办公时间', agency.officeHours);
  add('联系电话', agency.phone, `tel:${agency.phone}`);
  add('传真', agency.fax);
  add('邮政编码', agency.postcode);
  add('电子邮箱', agency.email, `mailto:${agency.email}`);
  rows.push(['统一社会信用代码', agency.uscc]);
  return rows;
}

/**
 * An agency's page: the contact details its 政府信息公开指南 gives (条例 第十二条: name, address, office
 * hours, phone, fax, internet contact) and its 信息公开目录.
 */
export function agencyPage(
  agency: Agency,
  catalog: readonly CatalogColumn[],
  siteName: string,
  latest: readonly PublicListItem[],
): string {
  const body = html`${breadcrumb([['首页', '/']], agency.name)}
    <h1>${agency.name}</h1>
    <section aria-labelledby="contact">
      <h2 id="contact">政府信息公开工作机构</h2>
      <dl class="contact">
        ${contactRows(agency).map(
          ([term, value]) =>
            html`<dt>${term}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>
    </section>
    <p class="actions">
      <a href="/agencies/${agency.id}/guide">政府信息公开指南</a>
      <a href="/apply?agency=${agency.id}">向本机关申请公开政府信息</a>
    </p>
    <section aria-labelledby="catalog">
      <h2 id="catalog">政府信息公开目录</h2>
      ${catalog.length === 0 ? html`<p class="empty">该机关尚未建立信息公开目录。</p>` : html`<div class="catalog">${columnList(agency.id, catalog)}</div>`}
    </section>
    ${latestSection(latest, false)}
    <form class="search-inline" action="/search" method="get" role="search" aria-label="在本机关内检索">
      <input type="hidden" name="agency" value="${agency.id}" />
      <label for="agency-q">在本机关内检索</label>
      <input id="agency-q" name="q" type="search" maxlength="100" />
      <button type="submit">检索</button>
    </form>`;
  return page({ title: agency.name, siteName, path: `/agencies/${agency.id}`, body });
}
