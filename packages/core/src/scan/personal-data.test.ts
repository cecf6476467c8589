import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../applications/resident-id.ts';
import { findPersonalData, luhnValid, namesWithIdNumbers } from './personal-data.ts';

const id = (first17: string) => first17 + (residentIdCheckCharacter(first17) ?? '0');

describe('findPersonalData', () => {
  it('finds an identity number with a valid check digit as severe, a mistyped one as a warning, with the masked form', () => {
    const valid = id('11010519491231002');
    const wrong = `${valid.slice(0, 17)}${valid[17] === '1' ? '2' : '1'}`;
    const found = findPersonalData(`申请人王某，身份证号${valid}；另一人${wrong}。`);
    expect(found.map((f) => [f.kind, f.severity, f.masked])).toEqual([
      ['resident_id', 'severe', '110105********002X'],
      ['resident_id', 'warning', `110105********${wrong.slice(14)}`],
    ]);
    expect(found[0]!.message).toBe('含居民身份证号码，公开前应隐去（建议：110105********002X）');
  });

  it('leaves 文号, dates, amounts and 18-digit numbers without a birth date alone', () => {
    expect(
      findPersonalData(
        '示财〔2025〕12号，2025年11月30日，金额123456789012.50元，统一社会信用代码91350100M000100Y43，编号123456789012345678',
      ),
    ).toEqual([]);
  });

  it('finds mobile numbers and Luhn-valid bank cards, not other long numbers', () => {
    expect(luhnValid('6222021234567890128')).toBe(true);
    expect(luhnValid('6222021234567890123')).toBe(false);
    const found = findPersonalData('联系电话13812345678，卡号6222 0212 3456 7890 128，流水号6222021234567890123。');
    expect(found.map((f) => [f.kind, f.masked])).toEqual([
      ['mobile', '138****5678'],
      ['bank_card', '6222***********0128'],
    ]);
  });

  it('flags personal e-mail addresses but not an agency’s published .gov.cn contact', () => {
    expect(findPersonalData('请发送至 zhang.san@example.com 或 gk@czj.shili.gov.cn').map((f) => f.masked)).toEqual([
      'z***@example.com',
    ]);
  });

  it('finds the lines of a list that put names beside identity numbers', () => {
    const lines = ['序号 姓名 身份证号 金额', `1 张三 ${id('36990019800101002')} 500`, '2 合计 500'];
    expect(namesWithIdNumbers(lines)).toEqual([1]);
  });
});
