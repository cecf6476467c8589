import { describe, expect, it } from 'vitest';
import { APPLICATION_COLUMNS, OUTCOME_CODES, OUTCOMES } from './outcomes.ts';

describe('outcome codes (docs/rules.md#table-three, #outcomes)', () => {
  // 三、本年度办理结果 spans 22 rows: these 21 outcomes and （七）总计, which is their sum (R3).
  it('are exactly the 21 outcome rows of table 三, in table order', () => {
    expect(OUTCOMES.map((o) => o.row)).toEqual([
      '（一）',
      '（二）',
      '（三）1',
      '（三）2',
      '（三）3',
      '（三）4',
      '（三）5',
      '（三）6',
      '（三）7',
      '（三）8',
      '（四）1',
      '（四）2',
      '（四）3',
      '（五）1',
      '（五）2',
      '（五）3',
      '（五）4',
      '（五）5',
      '（六）1',
      '（六）2',
      '（六）3',
    ]);
    expect(new Set(OUTCOME_CODES).size).toBe(21);
  });

  it('cite the articles behind each ground (条例 第十四至十六条, 第三十条, 第三十五至三十九条)', () => {
    const basis = Object.fromEntries(OUTCOMES.map((o) => [o.code, o.basis.join('；')]));
    expect(basis['denied.internalAffairs']).toContain('第十六条第一款');
    expect(basis['denied.processInformation']).toContain('第十六条第二款');
    expect(basis['unableToProvide.needsCreation']).toContain('第三十八条');
    expect(basis['notProcessed.massRepeated']).toContain('第三十五条');
    expect(basis['other.feeUnpaid']).toContain('国办函〔2020〕109号');
  });

  it('name the seven columns of 申请人情况', () => {
    expect(APPLICATION_COLUMNS).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
  });
});
