import type { Agency, CatalogColumn } from '@xxgk/app';
import { COLUMN_KIND_LABELS } from '@xxgk/core';
import { html, type Html } from './html.ts';
import { breadcrumb, page } from './layout.ts';

function tree(agencyId: number, columns: readonly CatalogColumn[]): Html {
  if (columns.length === 0) {
    return html``;
  }
  return html`<ul>
    ${columns.map(
      (c) =>
        html`<li>
          <a href="/agencies/${agencyId}/columns/${c.id}">${c.name}</a>
          <span class="meta">（${COLUMN_KIND_LABELS[c.kind]}）</span>${tree(agencyId, c.children)}
        </li>`,
    )}
  </ul>`;
}

/**
 * 政府信息公开指南, generated from the agency's own data so it never goes stale (条例 第十二条: the
 * classification and arrangement of information, how to obtain it, and the 工作机构's name, address,
 * office hours, phone, fax and internet contact), with the 依申请公开 procedure (第二十七条至第四十五条)
 * and remedies (第五十一条), followed by the agency's own notes.
 */
export function guidePage(
  agency: Agency,
  parent: Agency | undefined,
  catalog: readonly CatalogColumn[],
  siteName: string,
): string {
  const contact: [string, string][] = [
    ['机构名称', agency.name],
    ['办公地址', agency.address],
    ['办公时间', agency.officeHours],
    ['联系电话', agency.phone],
    ['传真号码', agency.fax],
    ['邮政编码', agency.postcode],
    ['电子邮箱', agency.email],
  ];
  const notes = agency.guideNotes
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const body = html`${breadcrumb(
      [
        ['首页', '/'],
        [agency.name, `/agencies/${agency.id}`],
      ],
      '政府信息公开指南',
    )}
    <article class="item guide">
      <h1>${agency.name}政府信息公开指南</h1>
      <p>
        为保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。本指南由本平台根据${agency.name}的目录和机构信息自动生成，随之更新。
      </p>
      <section aria-labelledby="g1">
        <h2 id="g1">一、主动公开</h2>
        <h3>（一）公开范围</h3>
        <p>
          ${agency.name}依照《条例》第十九条、第二十条等规定，主动公开涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息。
        </p>
        <h3>（二）信息分类和编排体系</h3>
        <p>主动公开的政府信息按以下栏目分类编排（动态类栏目应两周内更新，文件类栏目应六个月内更新）：</p>
        <div class="catalog">${tree(agency.id, catalog)}</div>
        <h3>（三）公开方式和时限</h3>
        <p>
          主动公开的政府信息通过本平台${siteName}政府信息公开专栏发布，公众可按栏目浏览，也可使用<a
            href="/search?agency=${agency.id}"
            >信息检索</a
          >查找。属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内予以公开；法律、法规对公开期限另有规定的，从其规定（《条例》第二十六条）。
        </p>
      </section>
      <section aria-labelledby="g2">
        <h2 id="g2">二、依申请公开</h2>
        <h3>（一）受理机构</h3>
        <p>${agency.name}政府信息公开工作机构负责受理向本机关提出的政府信息公开申请，联系方式见本指南第三部分。</p>
        <h3>（二）申请方式和内容</h3>
        <p>
          申请人可以当面提交、邮寄或者通过互联网渠道、传真提交书面申请；采用书面形式确有困难的，可以口头提出，由受理机构代为填写申请。申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（《条例》第二十九条）。
        </p>
        <h3>（三）答复时限</h3>
        <p>
          能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在前述期限内（《条例》第三十三条）。申请内容不明确的，将在收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。
        </p>
        <h3>（四）收费</h3>
        <p>
          行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费（《条例》第四十二条）。
        </p>
      </section>
      <section aria-labelledby="g3">
        <h2 id="g3">三、政府信息公开工作机构</h2>
        <table class="item-meta">
          <caption>
            联系方式
          </caption>
          <tbody>
            ${contact.map(
              ([label, value]) =>
                html`<tr>
                  <th scope="row">${label}</th>
                  <td>${value === '' ? '—' : value}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="g4">
        <h2 id="g4">四、监督和救济</h2>
        <p>
          公民、法人或者其他组织认为${agency.name}在政府信息公开工作中侵犯其合法权益的，可以向${parent === undefined ? '上一级行政机关或者政府信息公开工作主管部门' : `${parent.name}或者政府信息公开工作主管部门`}投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
        </p>
      </section>
      ${
        notes.length === 0
          ? ''
          : html`<section aria-labelledby="g5">
              <h2 id="g5">五、其他说明</h2>
              ${notes.map((n) => html`<p>${n}</p>`)}
            </section>`
      }
    </article>`;
  return page({ title: `${agency.name}政府信息公开指南`, siteName, path: `/agencies/${agency.id}/guide`, body });
}
