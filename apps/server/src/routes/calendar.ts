import {
  calendarStatus,
  CalendarDayInput,
  clearCalendarDay,
  importCalendar,
  legalDate,
  listCalendarSettings,
  parseCalendarCsv,
  setCalendarDay,
} from '@xxgk/app';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { metaOf, requireSession } from '../plugins/session.ts';
import { errorResponses } from './schemas.ts';

const Override = z.object({
  date: z.string(),
  kind: z.enum(['workday', 'holiday']),
  note: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export function calendarRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/calendar/status',
      {
        schema: {
          tags: ['节假日'],
          summary: '本年、下年节假日安排是否已录入，以及管理端应显示的提示',
          response: {
            200: z.object({
              today: z.string(),
              currentYearKnown: z.boolean(),
              nextYear: z.number(),
              nextYearKnown: z.boolean(),
              banner: z.string().nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireSession(request);
        return calendarStatus(deps.ctx);
      },
    );

    app.get(
      '/api/calendar/overrides',
      {
        schema: {
          tags: ['节假日'],
          summary: '人工设置的日期和已声明完整的年份',
          response: {
            200: z.object({
              overrides: z.array(Override),
              years: z.array(z.object({ year: z.number(), note: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return listCalendarSettings(deps.ctx, { actor: session.actor, meta: metaOf(request) });
      },
    );

    app.put(
      '/api/calendar/overrides/:date',
      {
        schema: {
          tags: ['节假日'],
          summary: '把某日设为工作日或休息日',
          params: z.object({ date: legalDate('日期') }),
          body: CalendarDayInput.omit({ date: true }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await setCalendarDay(deps.ctx, {
          actor: session.actor,
          input: { ...request.body, date: request.params.date },
          meta: metaOf(request),
        });
        return reply.code(204).send(null);
      },
    );

    app.delete(
      '/api/calendar/overrides/:date',
      {
        schema: {
          tags: ['节假日'],
          summary: '取消某日的人工设置，恢复官方安排',
          params: z.object({ date: legalDate('日期') }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await clearCalendarDay(deps.ctx, { actor: session.actor, date: request.params.date, meta: metaOf(request) });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/calendar/import',
      {
        schema: {
          tags: ['节假日'],
          summary: '导入一年的节假日安排（CSV 文本：日期,类型,说明），文件中的年份视为已完整录入',
          body: z.object({
            csv: z.string().min(1, '请提供 CSV 内容').max(200_000),
            note: z.string().trim().max(100).default(''),
          }),
          response: { 200: z.object({ days: z.number(), years: z.array(z.number()) }), ...errorResponses },
        },
      },
      async (request) => {
        const session = requireSession(request);
        return importCalendar(deps.ctx, {
          actor: session.actor,
          days: parseCalendarCsv(request.body.csv),
          note: request.body.note,
          meta: metaOf(request),
        });
      },
    );
  };
}
