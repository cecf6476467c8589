import { ERROR_REPORT_KIND_LABELS, ERROR_REPORT_KINDS, type lookupErrorReport } from '@xxgk/app';
import { chineseDate } from '@xxgk/core';
import { choice, errorSummary, field, type FormErrors, type FormValues } from './apply.ts';
import { html } from './html.ts';
import { breadcrumb, page } from './layout.ts';

/**
 * 我要纠错 on the portal: the form (reached from every page's footer link, which carries the page's
 * address and title), the receipt with its code, and the look-up of the answer. No JavaScript.
 */
export function feedbackPage(siteName: string, values: FormValues, errors: FormErrors, summary?: string): string {
  const pageUrl = values['pageUrl'] ?? '/';
  const pageTitle = values['pageTitle'] ?? '';
  const body = html`${breadcrumb([['首页', '/']], '我要纠错')}
    <h1>我要纠错</h1>
    <p>
      您对页面<a href="${pageUrl}">“${pageTitle === '' ? pageUrl : pageTitle}”</a
      >的内容有疑问或发现错误，请告诉我们。我们会转给发布该页面的机关核实处理并答复。
    </p>
    ${errorSummary(errors, summary)}
    <form class="apply-form" action="/feedback" method="post" novalidate>
      <input type="hidden" name="pageUrl" value="${pageUrl}" />
      <input type="hidden" name="pageTitle" value="${pageTitle}" />
      ${choice(
        'kind',
        '问题类型',
        ERROR_REPORT_KINDS.map((k) => [k, ERROR_REPORT_KIND_LABELS[k]]),
        values,
        errors,
      )}
      <p class="field${errors['description'] ? ' has-error' : ''}">
        <label for="description">问题描述<span class="required">（必填）</span></label>
        <span class="hint" id="description-hint">请写明哪一处有误、应当如何，5—1000 字</span>
        ${errors['description'] ? html`<span class="error" id="description-error">${errors['description']}</span>` : ''}
        <textarea
          id="description"
          name="description"
          rows="5"
          maxlength="1000"
          required
          aria-describedby="description-hint${errors['description'] ? ' description-error' : ''}"
        >
${values['description'] ?? ''}</textarea>
      </p>
      ${field('contactName', '称呼（选填）', values, errors, { max: 40, autocomplete: 'name' })}
      ${field('contact', '联系方式（选填，电话或电子邮箱）', values, errors, {
        max: 100,
        hint: '填写电子邮箱的，答复后会发邮件告诉您；联系方式只有处理机关可见',
      })}
      <div class="trap" aria-hidden="true">
        <label for="website">请勿填写此项</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>
      <p><button type="submit">提交</button></p>
    </form>
    <p>已提交过的，可凭查询码<a href="/feedback/status">查看答复</a>。</p>`;
  return page({ title: '我要纠错', siteName, path: '/feedback', body });
}

export function feedbackReceiptPage(siteName: string, r: { code: string; dueOn: string; agencyName: string }): string {
  const body = html`${breadcrumb([['首页', '/']], '我要纠错')}
    <h1>已收到您的纠错</h1>
    <div class="receipt" role="status">
      <p>请记下您的查询码：</p>
      <p class="tracking-code">${r.code}</p>
      <table class="item-meta">
        <tbody>
          <tr>
            <th scope="row">处理机关</th>
            <td>${r.agencyName}</td>
          </tr>
          <tr>
            <th scope="row">答复期限</th>
            <td>${chineseDate(r.dueOn)}前</td>
          </tr>
        </tbody>
      </table>
    </div>
    <p>凭查询码可在<a href="/feedback/status">纠错查询</a>页面查看答复。</p>`;
  return page({ title: '已收到您的纠错', siteName, path: '/feedback', body });
}

export function feedbackStatusPage(
  siteName: string,
  code: string,
  error: string | undefined,
  view: Awaited<ReturnType<typeof lookupErrorReport>> | undefined,
): string {
  const body = html`${breadcrumb(
      [
        ['首页', '/'],
        ['我要纠错', '/feedback'],
      ],
      '纠错查询',
    )}
    <h1>纠错查询</h1>
    ${error === undefined ? '' : html`<div class="error-summary" role="alert"><p>${error}</p></div>`}
    <form class="search-form" action="/feedback/status" method="post">
      <p>
        <label for="code">查询码</label>
        <input id="code" name="code" type="text" value="${code}" maxlength="20" required autocomplete="off" />
      </p>
      <p><button type="submit">查询</button></p>
    </form>
    ${
      view === undefined
        ? ''
        : html`<section aria-labelledby="result" class="item">
            <h2 id="result">${view.pageTitle === '' ? view.pageUrl : view.pageTitle}</h2>
            <table class="item-meta">
              <tbody>
                <tr>
                  <th scope="row">处理机关</th>
                  <td>${view.agencyName}</td>
                </tr>
                <tr>
                  <th scope="row">问题类型</th>
                  <td>${ERROR_REPORT_KIND_LABELS[view.kind]}</td>
                </tr>
                <tr>
                  <th scope="row">您反映的问题</th>
                  <td>${view.description}</td>
                </tr>
                <tr>
                  <th scope="row">办理状态</th>
                  <td>${view.status === 'replied' ? '已答复' : `处理中（${chineseDate(view.dueOn)}前答复）`}</td>
                </tr>
                ${
                  view.status === 'replied'
                    ? html`<tr>
                        <th scope="row">答复</th>
                        <td>${view.reply}</td>
                      </tr>`
                    : ''
                }
              </tbody>
            </table>
          </section>`
    }`;
  return page({ title: '纠错查询', siteName, path: '/feedback/status', body });
}
