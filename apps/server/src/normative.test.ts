import { describeDialects } from '@xxgk/db/testing';
import { expect, it } from 'vitest';
import { httpTest } from './testing.ts';

describeDialects('HTTP normative-documents register', (database) => {
  it('registers, records an abolition, and answers status and table 二 counts', async () => {
    const { app, login } = await httpTest(database());
    const s = await login('editor');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const me = (await app.inject({ url: '/api/auth/me', headers })).json() as { user: { agency: { id: number } } };
    const agencyId = me.user.agency.id;
    const created = await app.inject({
      method: 'POST',
      url: `/api/agencies/${agencyId}/normative`,
      headers,
      payload: {
        kind: 'normativeDocument',
        title: '示例市财政票据管理办法',
        docNo: '示财规〔2024〕2号',
        issuedOn: '2024-03-01',
        validUntil: '2029-02-28',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { id: number }).id;
    const bad = await app.inject({
      method: 'POST',
      url: `/api/normative/${id}/events`,
      headers,
      payload: { kind: 'abolished', on: '2024-01-01', byDocNo: '示财规〔2025〕1号' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('废止日期不能早于制发日期 2024-03-01');
    const abolished = await app.inject({
      method: 'POST',
      url: `/api/normative/${id}/events`,
      headers,
      payload: { kind: 'abolished', on: '2025-07-01', byDocNo: '示财规〔2025〕1号' },
    });
    expect(abolished.json()).toMatchObject({ status: 'abolished' });
    const before = await app.inject({ url: `/api/agencies/${agencyId}/normative?asOf=2025-06-30`, headers });
    expect(before.json().documents[0]).toMatchObject({ docNo: '示财规〔2024〕2号', status: 'in_force' });
    const counts = await app.inject({ url: `/api/agencies/${agencyId}/normative/counts?year=2025`, headers });
    expect(counts.json()).toEqual({
      regulations: { issued: 0, abolished: 0, inForce: 0 },
      normativeDocuments: { issued: 0, abolished: 1, inForce: 0 },
    });
    const other = await login('jyj.editor');
    const refused = await app.inject({
      method: 'POST',
      url: `/api/normative/${id}/events`,
      headers: { cookie: other.cookie, 'x-csrf-token': other.csrf },
      payload: { kind: 'expired', on: '2025-08-01' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
