import { setAgencySeal } from '../agencies/agency-seal.ts';
import { demoSealPng } from './demo-seal.ts';
import { DomainError, ROLE_LABELS } from '@xxgk/core';
import { countAgencies } from '@xxgk/db';
import { createAgency } from '../agencies/create-agency.ts';
import { createCatalogFromTemplate } from '../catalog/catalog-columns.ts';
import { systemActor, type AppContext, type RequestMeta, NO_REQUEST } from '../context.ts';
import { createUser } from '../users/create-user.ts';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS, demoUscc } from './demo-data.ts';

export interface DemoLogin {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly roles: string;
}

/**
 * Fills an empty database with 示例市. Everything goes through the ordinary use cases, so the demo's
 * agencies and users are validated and audited like any others. Refuses a database that already
 * has agencies (CONFLICT) rather than mixing the demo into real data.
 */
export async function seedDemo(ctx: AppContext, meta: RequestMeta = NO_REQUEST): Promise<DemoLogin[]> {
  if ((await countAgencies(ctx.db)) > 0) {
    throw new DomainError('CONFLICT', '数据库中已有机关数据，不能再导入演示数据');
  }
  const actor = systemActor('演示数据导入');
  const ids = new Map<string, number>();
  let serial = 1;
  const seal = demoSealPng();
  for (const a of DEMO_AGENCIES) {
    const parentId = a.parent === null ? null : (ids.get(a.parent) ?? null);
    const created = await createAgency(ctx, {
      actor,
      meta,
      input: {
        parentId,
        name: a.name,
        shortName: a.shortName,
        uscc: demoUscc(serial++),
        kind: a.kind,
        address: a.address,
        phone: a.phone,
        postcode: a.postcode,
        email: `gk${serial}@shili.gov.example`,
        officeHours: '工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）',
        // 行政复议法 第二十四条: the city government hears cases against its departments and towns; a case
        // against the city government goes to the province.
        reconsiderationBody: a.parent === null ? '示例省人民政府' : '示例市人民政府',
        court: a.parent === null ? '示例市中级人民法院' : '示例市东城区人民法院',
        legalReviewRequired: false,
        sortOrder: serial,
      },
    });
    ids.set(a.key, created.id);
    await createCatalogFromTemplate(ctx, { actor, agencyId: created.id, meta });
    await setAgencySeal(ctx, { actor, agencyId: created.id, file: { fileName: 'seal.png', bytes: seal }, meta });
  }
  for (const u of DEMO_USERS) {
    const agencyId = ids.get(u.agency);
    if (agencyId === undefined) {
      throw new Error(`demo user ${u.username} names unknown agency ${u.agency}`);
    }
    await createUser(ctx, {
      actor,
      meta,
      input: {
        username: u.username,
        displayName: u.displayName,
        agencyId,
        password: DEMO_PASSWORD,
        roles: [...u.roles],
        mustChangePassword: false,
      },
    });
  }
  return DEMO_USERS.map((u) => ({
    username: u.username,
    password: DEMO_PASSWORD,
    displayName: u.displayName,
    roles: u.roles.map((r) => ROLE_LABELS[r]).join('、'),
  }));
}
