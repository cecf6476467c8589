import { describe, expect, it } from 'vitest';
import { emptyLetterFields, fillLetter, templateProblems } from './letters.ts';

/** Placeholders are looked up among the values' own fields only (issue 18). */
describe('letter placeholders named like what every object inherits', () => {
  const template = {
    title: '受理回执{constructor}',
    body: '{申请人}：\n{toString}{__proto__}{hasOwnProperty}{valueOf}答复期限为{答复期限}。',
  };
  const values = { 申请人: '张某某', 答复期限: '2026年12月28日' };

  it('fills them as empty, never with an inherited function', () => {
    expect(fillLetter(template, values)).toEqual({
      title: '受理回执',
      paragraphs: ['张某某：', '答复期限为2026年12月28日。'],
    });
  });

  it('counts them as empty fields, so such a letter cannot be issued', () => {
    expect(emptyLetterFields(template, values)).toEqual([
      'constructor',
      'toString',
      '__proto__',
      'hasOwnProperty',
      'valueOf',
    ]);
  });

  it('names them as unknown fields in Chinese', () => {
    expect(templateProblems('receipt', template)).toContain(
      '模板中有不认识的字段：{constructor}、{toString}、{__proto__}、{hasOwnProperty}、{valueOf}',
    );
  });
});
