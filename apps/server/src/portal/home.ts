import type { Agency, PublicListItem } from '@xxgk/app';
import { AGENCY_KIND_LABELS } from '@xxgk/core';
import { html } from './html.ts';
import { latestSection, type Site } from './items.ts';
import { page } from './layout.ts';

/**
 * The portal's home page: every agency that discloses information here, the government first, then
 * its departments and its towns, each with the contact details its 指南 must give (条例 第二十二条).
 */
export function homePage({ agencies, siteName }: Site, latest: readonly PublicListItem[]): string {
  const groups: { title: string; kinds: readonly Agency['kind'][] }[] = [
    { title: '人民政府', kinds: ['government'] },
    { title: '政府工作部门', kinds: ['department', 'other'] },
    { title: '乡镇（街道）', kinds: ['town'] },
  ];
  const body = html` <h1>政府信息公开</h1>
    <p class="lead">
      共有 ${agencies.length} 个机关在本平台公开政府信息。选择机关，查看其政府信息公开指南、目录和年度报告。
    </p>
    ${latestSection(latest, true)}
    ${
      agencies.length === 0
        ? html`<p class="empty">暂无机关。</p>`
        : groups.map((g) => {
            const list = agencies.filter((a) => g.kinds.includes(a.kind));
            if (list.length === 0) {
              return '';
            }
            return html`<section aria-labelledby="g-${g.kinds[0]}">
              <h2 id="g-${g.kinds[0]}">${g.title}<span class="count">（${list.length}）</span></h2>
              <ul class="agencies">
                ${list.map(
                  (a) =>
                    html`<li>
                      <h3><a href="/agencies/${a.id}">${a.name}</a></h3>
                      <dl>
                        <dt>类型</dt>
                        <dd>${AGENCY_KIND_LABELS[a.kind]}</dd>
                        ${
                          a.address
                            ? html`<dt>地址</dt>
                                <dd>${a.address}</dd>`
                            : ''
                        }
                        ${
                          a.phone
                            ? html`<dt>电话</dt>
                                <dd><a href="tel:${a.phone}">${a.phone}</a></dd>`
                            : ''
                        }
                        ${
                          a.postcode
                            ? html`<dt>邮编</dt>
                                <dd>${a.postcode}</dd>`
                            : ''
                        }
                        ${
                          a.officeHours
                            ? html`<dt>办公时间</dt>
                                <dd>${a.officeHours}</dd>`
                            : ''
                        }
                      </dl>
                    </li>`,
                )}
              </ul>
            </section>`;
          })
    }`;
  return page({ title: '首页', siteName, path: '/', body });
}
