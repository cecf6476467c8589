import { EARLIEST_DOCUMENT_DATE, plausibleDates } from '@xxgk/app';
import { testToday } from '@xxgk/app/testing';
import { addDays, isIsoDate, residentIdCheckCharacter } from '@xxgk/core';
import { describeDialects } from '@xxgk/db/testing';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { httpTest, type HttpTest } from './testing.ts';

/*
 * Issue 18: a date froze the server (newDue 9999-12-31: 203 s at 2.4 GB; 9998-12-31 saved, then every
 * view of the application 5–10 s). This drives each route that takes a date with extreme and
 * malformed ones, seeded and bounded, and asks of every answer: no 5xx, within the budget, a
 * refusal for anything outside the plausible dates, and nothing saved when refused.
 */

/** Far below the defect's seconds, with room for a busy machine. */
const BUDGET_MS = 3000;
const RUNS = 20;
const SEED = 18;

const today = testToday();
const range = plausibleDates(today);

/** The ends of the calendar, what JavaScript writes past them, and what people and programs mistype. */
const EXTREMES = [
  '0001-01-01',
  '0000-01-01',
  '1899-12-31',
  '1949-09-30',
  '9998-12-31',
  '9999-12-31',
  '+010000-01-01',
  '-000001-01-01',
  '99999-01-01',
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-1-1',
  '20240101',
  '',
  ' ',
  '２０２４-０１-０１',
  '2024-01-01T00:00:00Z',
  '1e309',
  'NaN',
  '9'.repeat(300),
] as const;

/** Any day of the four-digit years, days near today, the extremes above, and arbitrary strings. */
const anyDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EXTREMES),
  fc.integer({ min: 0, max: 3_652_058 }).map((n) => addDays('0001-01-01', n)),
  fc.integer({ min: -40, max: 40 }).map((n) => addDays(today, n)),
  fc.string({ maxLength: 24 }),
);

/** Whether a route must refuse the value whatever else is true: not a date, or beyond every field's range. */
function absurd(value: string): boolean {
  const v = value.trim();
  return !isIsoDate(v) || v < EARLIEST_DOCUMENT_DATE || v > range.max;
}

type Table = 'applications' | 'application_events' | 'calendar_overrides' | 'items' | 'normative_documents';

async function count(t: HttpTest, table: Table): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sends one request and checks the two things every answer owes: no 5xx, and within the budget. */
async function answered(route: string, send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  const start = performance.now();
  const response = await send();
  const ms = performance.now() - start;
  expect(ms, `${route} took ${Math.round(ms)} ms`).toBeLessThan(BUDGET_MS);
  expect(response.statusCode, `${route} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
  return response;
}

/**
 * The shared property of a writing route: refused (4xx) when the date is absurd, and when refused,
 * the table it writes to has not grown.
 */
async function writes(
  t: HttpTest,
  route: string,
  table: Table,
  dates: readonly string[],
  send: () => Promise<LightMyRequestResponse>,
): Promise<LightMyRequestResponse> {
  const before = await count(t, table);
  const response = await answered(route, send);
  if (dates.some(absurd)) {
    expect(response.statusCode, `${route} accepted ${JSON.stringify(dates)}`).toBeGreaterThanOrEqual(400);
  }
  if (response.statusCode >= 400) {
    expect(await count(t, table), `${route} saved ${JSON.stringify(dates)} though it refused it`).toBe(before);
  }
  return response;
}

function multipart(fields: Record<string, string>) {
  const boundary = '----xxgkdates';
  const body = Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  return {
    payload: Buffer.from(`${body}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A resident ID number whose birth date is `yyyymmdd` (digits of the fuzzed date, padded). */
function idNumberBorn(date: string): string {
  const digits = `${date.replace(/\D/gu, '')}00000000`.slice(0, 8);
  const first17 = `110105${digits}002`;
  return first17 + (residentIdCheckCharacter(first17) ?? '0');
}

const person = (agencyId: number) => ({
  agencyId,
  applicantKind: 'natural_person',
  applicantName: '王某某',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  address: '示例市人民路1号',
  infoTitle: '2025年度市级部门预算执行情况',
  infoDescription: '希望获取2025年度一般公共预算执行情况的报告',
  infoForm: 'paper',
  delivery: 'post',
});

describeDialects('issue 18: every date-taking route under extreme and malformed dates (fuzzed)', (database) => {
  it('never answers 5xx, answers within the budget, refuses absurd dates and saves nothing it refuses', async () => {
    const t = await httpTest(database());
    const session = async (username: string) => {
      const s = await t.login(username);
      return { cookie: s.cookie, 'x-csrf-token': s.csrf };
    };
    const admin = await session('admin');
    const agencyAdmin = await session('agencyadmin');
    const editor = await session('editor');
    const supervisor = await session('supervisor');
    const me = (await t.app.inject({ url: '/api/auth/me', headers: agencyAdmin })).json() as {
      user: { agency: { id: number } };
    };
    const agencyId = me.user.agency.id;
    const options = { numRuns: RUNS, seed: SEED, examples: EXTREMES.map((d) => [d, d] as [string, string]) };

    // 受理登记: the receipt and the confirmation date.
    await fc.assert(
      fc.asyncProperty(anyDate, anyDate, async (receivedOn, confirmedOn) => {
        await writes(t, 'POST /api/applications', 'applications', [receivedOn], () =>
          t.app.inject({
            method: 'POST',
            url: '/api/applications',
            headers: agencyAdmin,
            payload: { application: person(agencyId), intake: { channel: 'fax', receivedOn, confirmedOn } },
          }),
        );
      }),
      options,
    );

    // 办理事项: a step's date, and a deferred due date (the date that froze the server).
    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: agencyAdmin,
      payload: { application: person(agencyId), intake: { channel: 'in_person', receivedOn: addDays(today, -3) } },
    });
    expect(fresh.statusCode).toBe(201);
    const applicationId = (fresh.json() as { id: number }).id;
    const stepOf = fc.constantFrom('deadline_deferred', 'extension_approved', 'correction_requested', 'decided');
    await fc.assert(
      fc.asyncProperty(anyDate, anyDate, stepOf, async (date, newDue, type) => {
        const payload =
          type === 'deadline_deferred'
            ? { type, date, newDue }
            : type === 'extension_approved'
              ? { type, date, days: 10 }
              : type === 'decided'
                ? { type, date, outcome: 'granted' }
                : { type, date };
        const dates = type === 'deadline_deferred' ? [date, newDue] : [date];
        await writes(t, `POST /api/applications/:id/steps (${type})`, 'application_events', dates, () =>
          t.app.inject({
            method: 'POST',
            url: `/api/applications/${applicationId}/steps`,
            headers: agencyAdmin,
            payload,
          }),
        );
      }),
      { ...options, examples: EXTREMES.map((d) => [today, d, 'deadline_deferred'] as [string, string, string]) },
    );

    // 节假日设置.
    await fc.assert(
      fc.asyncProperty(anyDate, async (date) => {
        await writes(t, 'PUT /api/calendar/overrides/:date', 'calendar_overrides', [date], () =>
          t.app.inject({
            method: 'PUT',
            url: `/api/calendar/overrides/${encodeURIComponent(date)}`,
            headers: admin,
            payload: { kind: 'holiday', note: '' },
          }),
        );
      }),
      { ...options, examples: EXTREMES.map((d) => [d] as [string]) },
    );

    // 信息的成文日期.
    const catalog = (await t.app.inject({ url: `/api/agencies/${agencyId}/catalog`, headers: editor })).json() as {
      columns: { id: number }[];
    };
    const columnId = catalog.columns[0]?.id ?? 0;
    await fc.assert(
      fc.asyncProperty(anyDate, async (writtenOn) => {
        await writes(t, 'POST /api/agencies/:id/items', 'items', writtenOn.trim() === '' ? [] : [writtenOn], () =>
          t.app.inject({
            method: 'POST',
            url: `/api/agencies/${agencyId}/items`,
            headers: editor,
            payload: {
              columnId,
              title: '示例市财政局关于日期的通知',
              publisher: '示例市财政局',
              writtenOn,
              topic: '财政、金融、审计',
              genre: '通知',
            },
          }),
        );
      }),
      { ...options, examples: EXTREMES.map((d) => [d] as [string]) },
    );

    // 规章和行政规范性文件登记簿: the dates of a document, and the register as of a date.
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(anyDate, anyDate, async (issuedOn, validUntil) => {
        serial += 1;
        await writes(
          t,
          'POST /api/agencies/:id/normative',
          'normative_documents',
          validUntil.trim() === '' ? [issuedOn] : [issuedOn, validUntil],
          () =>
            t.app.inject({
              method: 'POST',
              url: `/api/agencies/${agencyId}/normative`,
              headers: editor,
              payload: {
                kind: 'normativeDocument',
                title: '示例市日期管理办法',
                docNo: `示财规〔2024〕${serial}号`,
                issuedOn,
                validUntil,
              },
            }),
        );
        const asOf = await answered('GET /api/agencies/:id/normative?asOf=', () =>
          t.app.inject({
            url: `/api/agencies/${agencyId}/normative?asOf=${encodeURIComponent(issuedOn)}`,
            headers: editor,
          }),
        );
        if (absurd(issuedOn)) {
          expect(asOf.statusCode, `?asOf=${issuedOn}`).toBe(400);
        }
      }),
      options,
    );

    // 月度检查情况通报 ?month=.
    await fc.assert(
      fc.asyncProperty(anyDate, async (date) => {
        const month = /^\d{4}-\d{2}/u.test(date) ? date.slice(0, 7) : date;
        const report = await answered('GET /api/inspection/monthly-report?month=', () =>
          t.app.inject({
            url: `/api/inspection/monthly-report?month=${encodeURIComponent(month)}`,
            headers: supervisor,
          }),
        );
        if (absurd(`${month}-01`)) {
          expect(report.statusCode, `?month=${month}`).toBe(400);
        }
      }),
      { ...options, examples: EXTREMES.map((d) => [d] as [string]) },
    );

    // 年度: an annual report's year (2008 through the current year), in a path and a query.
    const thisYear = Number(today.slice(0, 4));
    const years = ['0', '-1', '2007', '2008', String(thisYear), String(thisYear + 1), '9999', '1e9', 'abc', ''];
    const anyYear = fc.oneof(fc.constantFrom(...years), fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String));
    await fc.assert(
      fc.asyncProperty(anyYear, async (year) => {
        const plausible = /^\d+$/u.test(year) && Number(year) >= 2008 && Number(year) <= thisYear;
        for (const url of [
          `/api/agencies/${agencyId}/reports/${encodeURIComponent(year)}/live`,
          `/api/agencies/${agencyId}/normative/counts?year=${encodeURIComponent(year)}`,
        ]) {
          const response = await answered(`GET ${url}`, () => t.app.inject({ url, headers: agencyAdmin }));
          if (!plausible) {
            expect(response.statusCode, `GET ${url}`).toBeGreaterThanOrEqual(400);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED, examples: years.map((y) => [y] as [string]) },
    );

    // 门户申请表: dates slipped into the form, and in the ID number's birth date; the receipt date is
    // the server's today whatever the form says.
    let address = 0;
    await fc.assert(
      fc.asyncProperty(anyDate, async (date) => {
        address += 1;
        const response = await answered('POST /apply', () =>
          t.app.inject({
            method: 'POST',
            url: '/apply',
            remoteAddress: `198.51.100.${address % 250}`,
            ...multipart({
              agencyId: String(agencyId),
              applicantKind: 'natural_person',
              applicantName: '王某某',
              idType: 'resident_id',
              idNumber: idNumberBorn(date),
              phone: '13800138000',
              address: '示例市人民路1号',
              infoTitle: '2025年度市级部门预算执行情况',
              infoForm: 'paper',
              delivery: 'post',
              receivedOn: date,
              confirmedOn: date,
              website: '',
            }),
          }),
        );
        if (response.statusCode === 201) {
          const newest = await t.database.db
            .selectFrom('applications')
            .select('received_on')
            .orderBy('id', 'desc')
            .executeTakeFirstOrThrow();
          expect(newest.received_on).toBe(today);
        }
      }),
      { ...options, examples: EXTREMES.map((d) => [d] as [string]) },
    );

    // A ledger stored before the bounds with any deferred due date: every view stays quick.
    const application = await t.database.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    const stored = await t.database.db
      .insertInto('application_events')
      .values({
        application_id: applicationId,
        type: 'deadline_deferred',
        on_date: application.received_on ?? today,
        payload: '{}',
        note: '',
        user_id: null,
        user_name: '旧数据',
        created_at: `${today}T00:00:00.000Z`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await fc.assert(
      fc.asyncProperty(anyDate, async (newDue) => {
        address += 1;
        await t.database.db
          .updateTable('application_events')
          .set({ payload: JSON.stringify({ newDue }) })
          .where('id', '=', stored.id)
          .execute();
        await t.database.db
          .updateTable('applications')
          .set({ due_on: newDue.slice(0, 10) })
          .where('id', '=', applicationId)
          .execute();
        const lookup = { code: application.tracking_code, key: application.id_last4 };
        const remoteAddress = `203.0.113.${address % 250}`;
        const detail = await answered('GET /api/applications/:id', () =>
          t.app.inject({ url: `/api/applications/${applicationId}`, headers: agencyAdmin }),
        );
        expect(detail.statusCode).toBe(200);
        const status = await answered('POST /apply/status', () =>
          t.app.inject({ method: 'POST', url: '/apply/status', remoteAddress, payload: lookup }),
        );
        expect(status.statusCode).toBe(200);
        await answered('POST /apply/receipt', () =>
          t.app.inject({ method: 'POST', url: '/apply/receipt', remoteAddress, payload: lookup }),
        );
      }),
      { ...options, examples: EXTREMES.map((d) => [d] as [string]) },
    );
  }, 600_000);
});
