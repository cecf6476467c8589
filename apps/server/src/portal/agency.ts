import type { Agency, CatalogColumn } from '@xxgk/app';
import { AGENCY_KIND_LABELS } from '@xxgk/core';
import { html, type Html } from './html.ts';
import { page } from './layout.ts';

function columnList(columns: readonly CatalogColumn[]): Html {
  if (columns.length === 0) {
    return html``;
  }
  return html`<ul>
    ${columns.map((c) => html`<li>${c.name}${columnList(c.children)}</li>`)}
  </ul>`;
}

/**
 * An agency's page: the contact details its 政府信息公开指南 gives (条例 第十二条: name, address, office
 * hours, phone, fax, internet contact) and its 信息公开目录.
 */
export function agencyPage(agency: Agency, catalog: readonly CatalogColumn[], siteName: string): string {
  const body = html` <nav aria-label="当前位置" class="breadcrumb"><a href="/">首页</a> › ${agency.name}</nav>
    <h1>${agency.name}</h1>
    <section aria-labelledby="contact">
      <h2 id="contact">政府信息公开工作机构</h2>
      <dl class="contact">
        <dt>机关类型</dt>
        <dd>${AGENCY_KIND_LABELS[agency.kind]}</dd>
        ${
          agency.address
            ? html`<dt>办公地址</dt>
                <dd>${agency.address}</dd>`
            : ''
        }
        ${
          agency.officeHours
            ? html`<dt>办公时间</dt>
                <dd>${agency.officeHours}</dd>`
            : ''
        }
        ${
          agency.phone
            ? html`<dt>联系电话</dt>
                <dd><a href="tel:${agency.phone}">${agency.phone}</a></dd>`
            : ''
        }
        ${
          agency.fax
            ? html`<dt>传真</dt>
                <dd>${agency.fax}</dd>`
            : ''
        }
        ${
          agency.postcode
            ? html`<dt>邮政编码</dt>
                <dd>${agency.postcode}</dd>`
            : ''
        }
        ${
          agency.email
            ? html`<dt>电子邮箱</dt>
                <dd><a href="mailto:${agency.email}">${agency.email}</a></dd>`
            : ''
        }
        <dt>统一社会信用代码</dt>
        <dd>${agency.uscc}</dd>
      </dl>
    </section>
    <section aria-labelledby="catalog">
      <h2 id="catalog">政府信息公开目录</h2>
      ${catalog.length === 0 ? html`<p class="empty">该机关尚未建立信息公开目录。</p>` : html`<div class="catalog">${columnList(catalog)}</div>`}
    </section>`;
  return page({ title: agency.name, siteName, body });
}
