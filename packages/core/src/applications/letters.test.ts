import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../outcomes.ts';
import {
  citeBasis,
  DEFAULT_LETTER_TEMPLATES,
  emptyLetterFields,
  fillLetter,
  LETTER_KINDS,
  REPLY_LETTER,
  templateProblems,
} from './letters.ts';
import { requestSimilarity } from './similarity.ts';

describe('letters', () => {
  it('ships a default template for every letter that passes its own checks', () => {
    for (const kind of LETTER_KINDS) {
      expect(templateProblems(kind, DEFAULT_LETTER_TEMPLATES[kind]), kind).toEqual([]);
    }
  });

  it('tells every reply of the remedies: 60 days to 复议, 6 months to court', () => {
    for (const kind of Object.values(REPLY_LETTER)) {
      const body = DEFAULT_LETTER_TEMPLATES[kind].body;
      expect(body, kind).toContain('60日内向{复议机关}申请行政复议');
      expect(body, kind).toContain('6个月内向{人民法院}提起行政诉讼');
    }
  });

  it('names each outcome group’s letter and cites the articles with the 条例’s full name', () => {
    expect(citeBasis(['《政府信息公开条例》第十六条第一款', '《政府信息公开条例》第三十六条第三项'])).toBe(
      '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第三项',
    );
    expect(
      citeBasis(['《政府信息公开条例》第四十二条', '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）']),
    ).toBe('《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）');
    expect(new Set(OUTCOMES.map((o) => REPLY_LETTER[o.letter])).size).toBe(6);
  });

  it('lists the empty fields a template uses, and fills paragraphs line by line', () => {
    const template = { title: '告知书', body: '{申请人}：\n请补正：{补正内容}\n联系电话：{联系电话}' };
    expect(emptyLetterFields(template, { 申请人: '王某', 补正内容: ' ' })).toEqual(['补正内容', '联系电话']);
    expect(fillLetter(template, { 申请人: '王某', 补正内容: '文号\n年度', 联系电话: '1' }).paragraphs).toEqual([
      '王某：',
      '请补正：文号',
      '年度',
      '联系电话：1',
    ]);
    expect(templateProblems('correction', { title: '告知书', body: '{申请人}：{补正内容}{补正期限}{' })).toEqual([
      '模板中有不成对的花括号',
    ]);
  });
});

describe('requestSimilarity', () => {
  it('finds the same request in other words, and a shared 文号 whatever the wording', () => {
    const a = { title: '2025年度政府采购合同汇总表', docNo: '', description: '' };
    expect(requestSimilarity(a, { title: '2025年度政府采购合同的汇总表', docNo: '', description: '' })).toBeGreaterThan(
      0.8,
    );
    expect(requestSimilarity(a, { title: '城市道路养护经费', docNo: '', description: '' })).toBeLessThan(0.2);
    expect(
      requestSimilarity(
        { title: '通知', docNo: '示财〔2025〕3号', description: '' },
        { title: '关于预算的文件', docNo: '示财 [2025] 3号', description: '' },
      ),
    ).toBe(1);
  });
});
