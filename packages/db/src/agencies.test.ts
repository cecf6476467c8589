import { expect, it } from 'vitest';
import { describeDialects } from './testing.ts';
import {
  countAgencies,
  findAgencyByUscc,
  insertAgency,
  listAgencies,
  updateAgency,
  type NewAgency,
} from './agencies.ts';

const NOW = '2026-11-29T08:00:00.000Z';

function agency(name: string, uscc: string, parent: number | null): NewAgency {
  return { parent_id: parent, name, short_name: name, uscc, kind: parent === null ? 'government' : 'department' };
}

describeDialects('agencies repository', (database) => {
  it('gives each agency the path of ids from the root', async () => {
    const { db } = database();
    const city = await insertAgency(db, agency('示例市人民政府', 'A1', null), NOW);
    const bureau = await insertAgency(db, agency('示例市财政局', 'A2', city.id), NOW);
    const office = await insertAgency(db, agency('示例市财政局办公室', 'A3', bureau.id), NOW);
    expect(city.path).toBe(`/${city.id}/`);
    expect(office.path).toBe(`/${city.id}/${bureau.id}/${office.id}/`);
    expect(office.address).toBe('');
    expect(await countAgencies(db)).toBe(3);
  });

  it('lists a subtree by path', async () => {
    const { db } = database();
    const city = await insertAgency(db, agency('示例市人民政府', 'A1', null), NOW);
    const bureau = await insertAgency(db, agency('示例市财政局', 'A2', city.id), NOW);
    await insertAgency(db, agency('示例市教育局', 'A3', city.id), NOW);
    await insertAgency(db, agency('财政局所属中心', 'A4', bureau.id), NOW);
    const names = (await listAgencies(db, { underPath: bureau.path })).map((a) => a.name);
    expect(names).toEqual(['示例市财政局', '财政局所属中心']);
  });

  it('moves a whole subtree when the parent changes', async () => {
    const { db } = database();
    const city = await insertAgency(db, agency('市', 'A1', null), NOW);
    const a = await insertAgency(db, agency('甲', 'A2', city.id), NOW);
    const b = await insertAgency(db, agency('乙', 'A3', city.id), NOW);
    const child = await insertAgency(db, agency('甲下属', 'A4', a.id), NOW);
    const moved = await updateAgency(db, a.id, { parent_id: b.id }, NOW);
    expect(moved.path).toBe(`${b.path}${a.id}/`);
    const rows = await listAgencies(db, { underPath: b.path });
    expect(rows.find((r) => r.id === child.id)?.path).toBe(`${b.path}${a.id}/${child.id}/`);
  });

  it('refuses a second agency with the same 统一社会信用代码', async () => {
    const { db } = database();
    await insertAgency(db, agency('甲', 'SAME', null), NOW);
    await expect(insertAgency(db, agency('乙', 'SAME', null), NOW)).rejects.toThrow();
    expect((await findAgencyByUscc(db, 'SAME'))?.name).toBe('甲');
  });
});
