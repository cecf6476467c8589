import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../applications/resident-id.ts';
import { checkForm, checkIndexNumbers, checkLinks, linksIn, scanText } from './scan.ts';
import { builtInWording, compileWording, findWording, wordingRuleProblems, type WordingFile } from './wording.ts';

const dict = builtInWording();
const id = (first17: string) => first17 + (residentIdCheckCharacter(first17) ?? '0');

describe('findWording', () => {
  it('finds a wrong formulation, with the right form and the reason', () => {
    const [f] = findWording('深入学习贯彻新时代中国特色社会主义思想。', dict, '2026-05-01');
    expect(f).toMatchObject({ category: 'political', severity: 'severe', text: '新时代中国特色社会主义思想' });
    expect(f!.suggestion).toBe('习近平新时代中国特色社会主义思想');
    expect(findWording('深入学习贯彻习近平新时代中国特色社会主义思想。', dict, '2026-05-01')).toEqual([]);
  });

  it('flags a former institution name only in items published after the change, and not as 原… or in a cited title', () => {
    const text = '国家工商行政管理总局有关规定';
    expect(findWording(text, dict, '2017-06-01')).toEqual([]);
    const [f] = findWording(text, dict, '2019-06-01');
    expect(f!.message).toBe(
      '“国家工商行政管理总局”已于 2018-04-10 更名为“国家市场监督管理总局”（2018年国务院机构改革，国家市场监督管理总局于2018年4月10日挂牌）',
    );
    expect(findWording('原国家工商行政管理总局', dict, '2019-06-01')).toEqual([]);
    expect(findWording('依据《国家工商行政管理总局关于个体工商户登记的规定》', dict, '2019-06-01')).toEqual([]);
  });

  it('knows the 2018 tax reform and its date, and leaves names inside longer words alone', () => {
    expect(findWording('到县地税局办理', dict, '2018-06-01')).toEqual([]);
    expect(findWording('到县地税局办理', dict, '2019-06-01').map((f) => f.suggestion)).toEqual(['税务局']);
    expect(findWording('参加监察部署会议', dict, '2020-01-01')).toEqual([]);
  });

  it('keeps the longest of overlapping names', () => {
    const found = findWording('国家卫生和计划生育委员会', dict, '2020-01-01');
    expect(found.map((f) => f.text)).toEqual(['国家卫生和计划生育委员会']);
  });

  it('corrects 文号 cited with the wrong brackets or a padded serial, keeping the year', () => {
    const found = findWording('按照示政办发[2024]12号和示财〔2025〕012号文件', dict, '2026-01-01');
    expect(found.map((f) => f.suggestion)).toEqual(['〔2024〕12号', '〔2025〕12号']);
  });

  it('knows a leader’s term of office from a city rule', () => {
    const city: WordingFile = {
      name: '示例市',
      rules: [
        {
          kind: 'leader',
          text: '王建国',
          replacement: '市长',
          category: 'leader',
          severity: 'severe',
          startsOn: '2021-06-01',
          endsOn: '2026-03-15',
        },
      ],
    };
    const d = compileWording(city === undefined ? [] : [city]);
    expect(findWording('市长王建国出席会议', d, '2025-01-01')).toEqual([]);
    const [f] = findWording('市长王建国出席会议', d, '2026-05-01');
    expect(f!.message).toBe('王建国任市长的时间为 2021-06-01 至 2026-03-15，发布日期 2026-05-01 时已不在此职务');
    expect(findWording('原市长王建国、副市长王建国', d, '2026-05-01')).toEqual([]);
  });

  it('refuses a rule with no words, a bad pattern or no date', () => {
    expect(
      wordingRuleProblems({
        kind: 'rename',
        text: '',
        pattern: '(',
        replacement: '',
        category: 'place',
        severity: 'warning',
      }),
    ).toEqual(['正则表达式无效：(', '请填写现名称', '请填写更名日期']);
  });

  it('is quiet on plain official writing', () => {
    const text =
      '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《政府信息公开条例》的规定，截至2025年12月31日，本机关部署开展“十四五”规划评估，在其他方面作出安排。';
    expect(findWording(text, dict, '2026-01-10')).toEqual([]);
  });
});

describe('scanText', () => {
  it('puts wording and personal data in one list with line, excerpt and fingerprint', () => {
    const valid = id('11010519491231002');
    const text = `关于张三的公示\n张三 ${valid} 东城区幸福小区3栋2单元501室\n联系人：李四`;
    const found = scanText('body', text, { dictionary: dict, date: '2026-05-01' });
    expect(found.map((f) => [f.check, f.severity, f.line])).toEqual([
      ['personal.resident_id', 'severe', 2],
      ['personal.address', 'warning', 2],
      ['personal.id_list', 'severe', 2],
    ]);
    // What is shown and kept of a finding has the number masked; the fingerprint keeps no words.
    expect(found[0]!.excerpt).toBe('…于张三的公示 张三 【110105********002X】 东城区幸福小区3栋…');
    expect(found[0]!.text).toBe('110105********002X');
    expect(found[0]!.fingerprint).toMatch(/^personal\.resident_id\|[0-9a-f]{16}$/u);
    expect(found.map((f) => JSON.stringify(f)).join('')).not.toContain(valid);
  });
});

describe('addresses', () => {
  it('finds a labelled home address and a flat number, not an office at a street number', () => {
    const found = scanText('body', '申请人住址：东城区幸福里小区12号。办公地点：示例市人民路8号。', {
      dictionary: dict,
      date: '2026-05-01',
    });
    expect(found.map((f) => [f.check, f.text, f.suggestion])).toEqual([
      ['personal.address', '东城区幸福里小区12号', '东城区幸福里**'],
    ]);
  });
});

describe('form checks', () => {
  it('checks the 发文字号, its year and the dates', () => {
    expect(
      checkForm({ docNo: '示财[2025]3号', writtenOn: null, publishedOn: '2026-01-01', today: '2026-01-01' })[0]!
        .message,
    ).toContain('六角括号');
    expect(
      checkForm({
        docNo: '示财〔2024〕3号',
        writtenOn: '2025-01-03',
        publishedOn: '2025-01-05',
        today: '2026-01-01',
      }).map((f) => f.check),
    ).toEqual(['form.doc_no_year']);
    expect(
      checkForm({ docNo: '', writtenOn: '2025-03-03', publishedOn: '2025-03-01', today: '2026-01-01' }).map(
        (f) => f.check,
      ),
    ).toEqual(['form.published_before_written']);
  });

  it('finds links into the agency’s own network and dead links on the portal', () => {
    const html =
      '<a href="http://192.168.1.20/oa/file.doc">通知</a><a href="http://oa/x">x</a><a href="https://www.gov.cn/">国务院</a><a href="/items/999">旧文</a><a href="file:///C:/a.doc">a</a>';
    const found = checkLinks(linksIn(html), (href) => (href === '/items/999' ? '本站不存在该页面' : undefined));
    expect(found.map((f) => f.check)).toEqual([
      'form.link_internal',
      'form.link_internal',
      'form.link_dead',
      'form.link_internal',
    ]);
  });

  it('finds duplicate and missing 索引号', () => {
    const found = checkIndexNumbers([
      { id: 1, indexNo: '113500000001/2026-00001' },
      { id: 2, indexNo: '113500000001/2026-00002' },
      { id: 3, indexNo: '113500000001/2026-00005' },
      { id: 4, indexNo: '113500000001/2026-00005' },
    ]);
    expect(found.map((f) => [f.itemId, f.finding.check])).toEqual([
      [4, 'form.index_duplicate'],
      [null, 'form.index_gap'],
    ]);
    expect(found[1]!.finding.message).toBe(
      '索引号断号 2 个：113500000001/2026-00003、113500000001/2026-00004（撤回或删除的信息应说明）',
    );
  });
});
