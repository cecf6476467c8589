import { SECTION_TITLES, type Finding } from '../model.ts';
import type { Rule } from './rule.ts';

/**
 * The six parts (条例 第五十条; docs/rules.md#report-sections): the template wording (SECTION_TITLES) and, besides it,
 * the statutory wording some reports use.
 */
const OTHER_WORDINGS: Readonly<Record<number, readonly string[]>> = {
  2: ['行政机关主动公开政府信息情况'],
  3: ['行政机关收到和处理政府信息公开申请情况'],
  4: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议行政诉讼情况'],
  5: ['政府信息公开工作存在的主要问题及改进情况'],
};

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** Strips the numbering (一、 / 5、 / （五）) and folds whitespace and punctuation variants. */
export function normalizeTitle(title: string): string {
  return title
    .replace(/\s+/g, '')
    .replace(/^[（(]?[一二三四五六七八九十\d]+[）)]?[、.．,，]?/, '')
    .replace(/[，,]/g, '、')
    .replace(/[“”"]/g, '');
}

/**
 * R11 (DERIVED from the format): the six parts in order with their titles; table 二's four sub-tables,
 * table 三 and table 四 present; in the 2021 format, table 三's （六） in three rows.
 */
export const r11: Rule = (report) => {
  const findings: Finding[] = [];
  const numbers = report.sections.map((s) => s.number);
  if (numbers.join(',') !== '1,2,3,4,5,6') {
    findings.push({
      rule: 'R11',
      severity: 'error',
      cells: ['sections'],
      message: `报告应依次包含一至六共六个部分，实际为：${numbers.length === 0 ? '无' : numbers.map((x) => NUMERALS[x - 1] ?? String(x)).join('、')}`,
    });
  }
  report.sections.forEach((s, i) => {
    const template = SECTION_TITLES[s.number - 1];
    const accepted =
      template === undefined ? undefined : [normalizeTitle(template), ...(OTHER_WORDINGS[s.number] ?? [])];
    if (accepted !== undefined && !accepted.includes(normalizeTitle(s.title))) {
      findings.push({
        rule: 'R11',
        severity: 'warning',
        cells: [`sections[${i}].title`],
        message: `第${NUMERALS[s.number - 1] ?? s.number}部分标题「${s.title}」与格式规定的「${template}」不符`,
      });
    }
  });
  if (report.format === '2021') {
    if (report.active === null) {
      findings.push({
        rule: 'R11',
        severity: 'error',
        cells: ['active'],
        message: '缺少“二、主动公开政府信息情况”的统计表',
      });
    } else {
      const parts = [
        ['regulations', '第二十条第（一）项 规章'],
        ['normativeDocuments', '第二十条第（一）项 行政规范性文件'],
        ['licensing', '第二十条第（五）项 行政许可'],
        ['penalties', '第二十条第（六）项 行政处罚'],
        ['coercion', '第二十条第（六）项 行政强制'],
        ['fees', '第二十条第（八）项 行政事业性收费'],
      ] as const;
      for (const [key, name] of parts) {
        if (report.active[key] === null) {
          findings.push({ rule: 'R11', severity: 'error', cells: [`active.${key}`], message: `表二缺少「${name}」` });
        }
      }
    }
  }
  if (report.applications === null) {
    findings.push({
      rule: 'R11',
      severity: 'error',
      cells: ['applications'],
      message: '缺少“三、收到和处理政府信息公开申请情况”的统计表',
    });
  } else if (report.format === '2021') {
    const other = report.applications.results.other;
    if (other.correctionOverdue === null && other.feeUnpaid === null) {
      findings.push({
        rule: 'R11',
        severity: 'warning',
        cells: ['applications.results.other.correctionOverdue', 'applications.results.other.feeUnpaid'],
        message:
          '表三 （六）其他处理 只有一行（2019 年试行格式），缺少 2021 格式的 1.逾期不补正 / 2.逾期未缴费 / 3.其他 三行',
      });
    }
  }
  if (report.appeals === null) {
    findings.push({
      rule: 'R11',
      severity: 'error',
      cells: ['appeals'],
      message: '缺少“四、政府信息公开行政复议、行政诉讼情况”的统计表',
    });
  }
  return findings;
};
