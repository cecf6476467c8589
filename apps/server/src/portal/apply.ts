import type { Agency, ApplicationStatusView, SubmittedApplication } from '@xxgk/app';
import {
  APPLICANT_CATEGORIES,
  APPLICANT_CATEGORY_LABELS,
  chineseDate,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  INFORMATION_FORM_LABELS,
  INFORMATION_FORMS,
  PERSON_ID_TYPE_LABELS,
  PERSON_ID_TYPES,
} from '@xxgk/core';
import { html, type Html } from './html.ts';
import { breadcrumb, page } from './layout.ts';

export type FormValues = Readonly<Record<string, string>>;
export type FormErrors = Readonly<Record<string, string>>;

export function field(
  name: string,
  label: string,
  values: FormValues,
  errors: FormErrors,
  options: { required?: boolean; type?: string; hint?: string; max?: number; autocomplete?: string } = {},
): Html {
  const error = errors[name];
  const describedBy = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<p class="field${error ? ' has-error' : ''}">
    <label for="${name}">${label}${options.required ? html`<span class="required">（必填）</span>` : ''}</label>
    ${options.hint ? html`<span class="hint" id="${name}-hint">${options.hint}</span>` : ''}
    ${error ? html`<span class="error" id="${name}-error">${error}</span>` : ''}
    <input
      id="${name}"
      name="${name}"
      type="${options.type ?? 'text'}"
      value="${values[name] ?? ''}"
      maxlength="${options.max ?? 100}"
      ${options.required ? html`required` : ''}
      ${options.autocomplete ? html`autocomplete="${options.autocomplete}"` : ''}
      ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
      ${error ? html`aria-invalid="true"` : ''}
    />
  </p>`;
}

export function choice(
  name: string,
  label: string,
  options: readonly [string, string][],
  values: FormValues,
  errors: FormErrors,
): Html {
  const error = errors[name];
  return html`<fieldset
    class="choice${error ? ' has-error' : ''}"
    ${error ? html`aria-describedby="${name}-error"` : ''}
  >
    <legend>${label}<span class="required">（必填）</span></legend>
    ${error ? html`<span class="error" id="${name}-error">${error}</span>` : ''}
    ${options.map(
      ([value, text], i) =>
        html`<label
          ><input
            type="radio"
            name="${name}"
            value="${value}"
            ${values[name] === value || (values[name] === undefined && i === 0) ? html`checked` : ''}
          />
          ${text}</label
        >`,
    )}
  </fieldset>`;
}

/** The form's problems at its top, each linking to its field (or one summary line), for a form sent back. */
export function errorSummary(errors: FormErrors, summary?: string): Html | string {
  const list = Object.entries(errors);
  if (list.length === 0 && summary === undefined) {
    return '';
  }
  return html`<div class="error-summary" role="alert" tabindex="-1" id="errors">
    <h2>${summary ?? `请修改以下 ${list.length} 处后再提交`}</h2>
    <ul>
      ${list.map(([name, message]) => html`<li><a href="#${name}">${message}</a></li>`)}
    </ul>
  </div>`;
}

/**
 * 政府信息公开申请表 (条例 第二十九条), usable without JavaScript: errors are listed at the top and
 * beside their fields, and the values typed are kept. It says plainly what happens next.
 */
export function applyPage(
  siteName: string,
  agencies: readonly Agency[],
  values: FormValues,
  errors: FormErrors,
  summary?: string,
): string {
  const kinds: [string, string][] = APPLICANT_CATEGORIES.map((k) => [
    k,
    k === 'natural_person' ? '自然人' : `法人或其他组织：${APPLICANT_CATEGORY_LABELS[k]}`,
  ]);
  const body = html`${breadcrumb([['首页', '/']], '依申请公开')}
    <h1>政府信息公开申请</h1>
    <section class="notice" aria-labelledby="how">
      <h2 id="how">办理须知</h2>
      <ul>
        <li>提交后立即得到查询码和受理回执。通过本平台提交的，提交当日即为收到申请之日（《条例》第三十一条）。</li>
        <li>
          机关能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复，延期的最长再延 20
          个工作日（第三十三条）。
        </li>
        <li>申请内容不明确的，机关在 7 个工作日内一次性告知补正，答复期限自收到补正之日起计算（第三十条）。</li>
        <li>依申请提供信息不收费；申请数量、频次明显超过合理范围的，可能收取信息处理费（第四十二条）。</li>
        <li>凭查询码和联系电话（或证件号码）后四位，可在<a href="/apply/status">申请查询</a>页面查看进度。</li>
      </ul>
    </section>
    ${errorSummary(errors, summary)}
    <form class="apply-form" action="/apply" method="post" enctype="multipart/form-data" novalidate>
      <fieldset>
        <legend>受理机关</legend>
        <p class="field${errors['agencyId'] ? ' has-error' : ''}">
          <label for="agencyId">向哪个机关申请<span class="required">（必填）</span></label>
          <select id="agencyId" name="agencyId" required>
            <option value="">请选择</option>
            ${agencies.map(
              (a) =>
                html`<option value="${a.id}" ${String(a.id) === values['agencyId'] ? html`selected` : ''}>
                  ${a.name}
                </option>`,
            )}
          </select>
        </p>
      </fieldset>
      <fieldset>
        <legend>申请人信息</legend>
        ${choice('applicantKind', '申请人类型', kinds, values, errors)}
        ${field('applicantName', '姓名或名称', values, errors, { required: true, autocomplete: 'name' })}
        <p class="field">
          <label for="idType">证件类型（自然人填写）</label>
          <select id="idType" name="idType">
            ${PERSON_ID_TYPES.map(
              (t) =>
                html`<option value="${t}" ${values['idType'] === t ? html`selected` : ''}>
                  ${PERSON_ID_TYPE_LABELS[t]}
                </option>`,
            )}
          </select>
        </p>
        ${field('idNumber', '证件号码', values, errors, {
          required: true,
          max: 40,
          hint: '自然人填写身份证件号码；法人或其他组织填写统一社会信用代码',
        })}
        ${field('contactName', '联系人（法人或其他组织必填）', values, errors, { max: 50 })}
        ${field('phone', '联系电话', values, errors, { required: true, type: 'tel', max: 40, autocomplete: 'tel' })}
        ${field('email', '电子邮箱', values, errors, { type: 'email', autocomplete: 'email' })}
        ${field('address', '通信地址', values, errors, { max: 200, autocomplete: 'street-address', hint: '选择邮寄方式获取时必填' })}
        ${field('postcode', '邮政编码', values, errors, { max: 6, autocomplete: 'postal-code' })}
        <p class="field${errors['identityFile'] ? ' has-error' : ''}">
          <label for="identityFile">身份证明（PDF、JPG 或 PNG，可选）</label>
          ${errors['identityFile'] ? html`<span class="error" id="identityFile-error">${errors['identityFile']}</span>` : ''}
          <input id="identityFile" name="identityFile" type="file" accept=".pdf,.jpg,.jpeg,.png" />
        </p>
      </fieldset>
      <fieldset>
        <legend>所需信息</legend>
        ${field('infoTitle', '所需政府信息的名称', values, errors, { required: true, max: 200 })}
        ${field('infoDocNo', '文号（知道的请填写）', values, errors, { max: 60 })}
        <p class="field${errors['infoDescription'] ? ' has-error' : ''}">
          <label for="infoDescription">所需信息的描述</label>
          <span class="hint" id="infoDescription-hint">便于机关查找的特征性描述，如形成时间、内容要点</span>
          ${errors['infoDescription'] ? html`<span class="error" id="infoDescription-error">${errors['infoDescription']}</span>` : ''}
          <textarea
            id="infoDescription"
            name="infoDescription"
            rows="4"
            maxlength="2000"
            aria-describedby="infoDescription-hint"
          >
${values['infoDescription'] ?? ''}</textarea>
        </p>
        ${choice(
          'infoForm',
          '获取信息的形式',
          INFORMATION_FORMS.map((f) => [f, INFORMATION_FORM_LABELS[f]]),
          values,
          errors,
        )}
        ${choice(
          'delivery',
          '获取信息的方式',
          DELIVERY_METHODS.map((d) => [d, DELIVERY_METHOD_LABELS[d]]),
          values,
          errors,
        )}
      </fieldset>
      <div class="trap" aria-hidden="true">
        <label for="website">请勿填写此项</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>
      <p><button type="submit">提交申请</button></p>
    </form>`;
  return page({ title: '政府信息公开申请', siteName, path: '/apply', body });
}

/** After a successful submission: the tracking code, the dates, and the receipt to download. */
export function receiptPage(siteName: string, submitted: SubmittedApplication, key: string): string {
  const d = submitted.deadline;
  const body = html`${breadcrumb(
      [
        ['首页', '/'],
        ['依申请公开', '/apply'],
      ],
      '提交成功',
    )}
    <h1>申请已提交</h1>
    <div class="receipt" role="status">
      <p>请记下您的查询码：</p>
      <p class="tracking-code">${submitted.trackingCode}</p>
      <table class="item-meta">
        <tbody>
          <tr>
            <th scope="row">受理机关</th>
            <td>${submitted.agencyName}</td>
          </tr>
          <tr>
            <th scope="row">收到申请日期</th>
            <td>${d.receiptDate === null ? '待机关确认' : chineseDate(d.receiptDate)}</td>
          </tr>
          <tr>
            <th scope="row">答复期限</th>
            <td>${d.due === null ? '确认收件后计算' : `${chineseDate(d.due)}（20个工作日）`}</td>
          </tr>
        </tbody>
      </table>
    </div>
    <h2>接下来</h2>
    <ol>
      <li>机关审查申请内容；内容不明确的，将在 7 个工作日内一次性告知需要补正的事项。</li>
      <li>机关在答复期限前作出答复，并按您选择的方式提供信息或告知理由。</li>
      <li>对答复不服的，可以自收到答复之日起 60 日内申请行政复议，或者 6 个月内提起行政诉讼。</li>
    </ol>
    <form action="/apply/receipt" method="post">
      <input type="hidden" name="code" value="${submitted.trackingCode}" />
      <input type="hidden" name="key" value="${key}" />
      <button type="submit">下载受理回执（Word）</button>
    </form>
    <p><a href="/apply/status">查询办理进度</a></p>`;
  return page({ title: '申请已提交', siteName, path: '/apply', body });
}

/** 申请查询: the form, and the timeline once the code and key match. */
export function statusPage(
  siteName: string,
  code: string,
  error: string | undefined,
  view: ApplicationStatusView | undefined,
): string {
  const body = html`${breadcrumb(
      [
        ['首页', '/'],
        ['依申请公开', '/apply'],
      ],
      '申请查询',
    )}
    <h1>申请查询</h1>
    ${error === undefined ? '' : html`<div class="error-summary" role="alert"><p>${error}</p></div>`}
    <form class="search-form" action="/apply/status" method="post">
      <p>
        <label for="code">查询码</label>
        <input id="code" name="code" type="text" value="${code}" maxlength="17" required autocomplete="off" />
      </p>
      <p>
        <label for="key">联系电话或证件号码后四位</label>
        <input id="key" name="key" type="password" maxlength="4" required autocomplete="off" />
      </p>
      <p><button type="submit">查询</button></p>
    </form>
    ${
      view === undefined
        ? ''
        : html`<section aria-labelledby="result" class="item">
            <h2 id="result">${view.infoTitle}</h2>
            <table class="item-meta">
              <tbody>
                <tr>
                  <th scope="row">受理机关</th>
                  <td>${view.agencyName}</td>
                </tr>
                <tr>
                  <th scope="row">办理状态</th>
                  <td>${view.status}${view.outcome === null ? '' : `：${view.outcome}`}</td>
                </tr>
                <tr>
                  <th scope="row">收到申请日期</th>
                  <td>${view.receiptDate === null ? '待确认' : chineseDate(view.receiptDate)}</td>
                </tr>
                <tr>
                  <th scope="row">答复期限</th>
                  <td>${view.due === null ? '—' : chineseDate(view.due)}${view.overdue ? '（已超期）' : ''}</td>
                </tr>
              </tbody>
            </table>
            <h3>办理经过</h3>
            <ol class="timeline">
              ${view.timeline.map((t) => html`<li><time datetime="${t.date}">${chineseDate(t.date)}</time> ${t.text}</li>`)}
            </ol>
            <h3>期限是怎样计算的</h3>
            <ul class="explanation">
              ${view.explanation.map((l) => html`<li>${l.text}<span class="basis">（${l.basis}）</span></li>`)}
            </ul>
          </section>`
    }`;
  return page({ title: '申请查询', siteName, path: '/apply/status', body });
}
