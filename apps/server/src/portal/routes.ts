import {
  getCatalog,
  getPublicAttachment,
  getPublicItem,
  latestItems,
  listColumnItems,
  listPublishedReports,
  publishedReport,
  reportVersions,
  searchItems,
  type CatalogColumn,
} from '@xxgk/app';
import { shanghaiDate } from '@xxgk/core';
import { renderReportDocx, renderReportPdf } from '@xxgk/documents';
import { findItem, listPublishedItemStamps } from '@xxgk/db';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../context.ts';
import { agencyPage } from './agency.ts';
import { PageCache } from './cache.ts';
import { columnFeed, flattenColumns, sitemap } from './feeds.ts';
import { guidePage } from './guide.ts';
import { homePage } from './home.ts';
import { columnPage, itemPage, searchPage, withdrawnPage } from './items.ts';
import { reportList, reportPage, reportPath, type PublishedEntry } from './reports.ts';
import { VIEW_COOKIE, VIEW_OPTIONS, viewOf, withView } from './layout.ts';
import { sameSitePath } from './same-site-path.ts';
import { loadSite } from './site.ts';

const HTML = 'text/html; charset=utf-8';

interface Rendered {
  readonly status: number;
  readonly body: string;
  readonly type: string;
}

const Id = z.coerce.number().int().positive();
const PageNumber = z.coerce.number().int().min(1).max(1000).catch(1);

/**
 * The public portal: server-rendered pages that work without JavaScript. Every page goes through
 * the generation-keyed cache ({@link PageCache}) and carries an ETag of that generation, so readers
 * and proxies revalidate cheaply and never keep a withdrawn item.
 */
export function portalRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { ctx } = deps;
  const cache = new PageCache();
  const inFlight = new Map<string, Promise<Rendered | undefined>>();

  const site = () => loadSite(ctx.db);

  async function publishedEntries(agencyId: number): Promise<PublishedEntry[]> {
    return (await listPublishedReports(ctx.db, agencyId)).map((r) => ({
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      year: r.year,
      version: r.published_version,
      publishedOn: r.published_on,
    }));
  }

  /** The published report a request names (`?version=` for an earlier one), with its versions. */
  async function reportFor(request: FastifyRequest) {
    const params = request.params as { id: string; year: string };
    const id = Id.safeParse(params.id);
    const year = z.coerce.number().int().min(2008).max(2100).safeParse(params.year);
    const version = z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .safeParse((request.query as { version?: string }).version);
    if (!id.success || !year.success || !version.success) {
      return undefined;
    }
    const s = await site();
    const agency = s.agencies.find((a) => a.id === id.data);
    const shown = agency === undefined ? undefined : await publishedReport(ctx.db, agency.id, year.data, version.data);
    if (agency === undefined || shown === undefined) {
      return undefined;
    }
    const versions = await reportVersions(ctx.db, agency.id, year.data);
    return { site: s, agency, ...shown, versions };
  }

  /**
   * Absolute links (feeds, the sitemap, /open/reports.json) are built from the configured public
   * address, never from the request's Host header: one request with `Host: evil.example` must not
   * make every reader's feed point elsewhere (issue 18 §4).
   */
  function origin(): string {
    return deps.config.publicUrl;
  }

  async function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    render: () => Promise<Rendered | undefined>,
  ): Promise<FastifyReply> {
    const generation = await cache.generation(ctx.db);
    const view = viewOf(request.cookies[VIEW_COOKIE]);
    const etag = `"g${generation}${view.map((v) => `-${v}`).join('')}"`;
    reply.header('etag', etag).header('cache-control', 'public, no-cache').header('vary', 'Cookie');
    if (request.headers['if-none-match'] === etag) {
      return reply.code(304).send();
    }
    const key = request.url;
    let rendered = cache.get(key);
    if (rendered === undefined) {
      // Many readers asking for the same cold page share one rendering.
      const flightKey = `${generation} ${key}`;
      let flight = inFlight.get(flightKey);
      if (flight === undefined) {
        flight = render().finally(() => inFlight.delete(flightKey));
        inFlight.set(flightKey, flight);
      }
      rendered = await flight;
      if (rendered === undefined) {
        reply.callNotFound();
        return reply;
      }
      cache.set(key, generation, rendered);
    }
    return reply
      .code(rendered.status)
      .type(rendered.type)
      .send(rendered.type === HTML ? withView(rendered.body, view) : rendered.body);
  }

  const ok = (body: string, type = HTML): Rendered => ({ status: 200, body, type });

  return async (app) => {
    app.get('/', { schema: { hide: true } }, (request, reply) =>
      serve(request, reply, async () => {
        return ok(homePage(await site(), await latestItems(ctx.db, 10)));
      }),
    );

    app.get('/agencies/:id', { schema: { hide: true } }, (request, reply) =>
      serve(request, reply, async () => {
        const id = Id.safeParse((request.params as { id: string }).id);
        const s = await site();
        const agency = id.success ? s.agencies.find((a) => a.id === id.data) : undefined;
        if (agency === undefined) {
          return undefined;
        }
        const catalog = await getCatalog(ctx.db, agency.id);
        return ok(agencyPage(agency, catalog, s.siteName, await latestItems(ctx.db, 10, agency.id)));
      }),
    );

    app.get('/agencies/:id/guide', { schema: { hide: true } }, (request, reply) =>
      serve(request, reply, async () => {
        const id = Id.safeParse((request.params as { id: string }).id);
        const s = await site();
        const agency = id.success ? s.agencies.find((a) => a.id === id.data) : undefined;
        if (agency === undefined) {
          return undefined;
        }
        const parent = s.agencies.find((a) => a.id === agency.parentId);
        return ok(guidePage(agency, parent, await getCatalog(ctx.db, agency.id), s.siteName));
      }),
    );

    app.get('/agencies/:id/columns/:columnId', { schema: { hide: true } }, (request, reply) =>
      serve(request, reply, async () => {
        const params = request.params as { id: string; columnId: string };
        const found = await agencyColumn(params.id, params.columnId);
        if (found === undefined) {
          return undefined;
        }
        const page = PageNumber.parse((request.query as { page?: string }).page);
        const items = await listColumnItems(ctx.db, { agencyId: found.agency.id, columnId: found.column.id, page });
        // The 年报 column lists the agency's published annual reports before any items filed there.
        const reports =
          found.column.code === 'annual-reports' ? await publishedEntries(found.agency.id) : ([] as PublishedEntry[]);
        return ok(
          columnPage(
            found.site,
            found.agency,
            found.catalog,
            found.column,
            items,
            reportList(found.agency.id, reports),
          ),
        );
      }),
    );

    app.get('/agencies/:id/columns/:columnId/feed.atom', { schema: { hide: true } }, (request, reply) =>
      serve(request, reply, async () => {
        const params = request.params as { id: string; columnId: string };
        const found = await agencyColumn(params.id, params.columnId);
        if (found === undefined) {
          return undefined;
        }
        const items = await listColumnItems(ctx.db, {
          agencyId: found.agency.id,
          columnId: found.column.id,
          page: 1,
          pageSize: 20,
        });
        return ok(columnFeed(origin(), found.agency, found.column, items.rows), 'application/atom+xml; charset=utf-8');
      }),
    );

    app.get('/items/:id', { schema: { hide: true } }, (request, reply) =>
      serve(request, reply, async () => {
        const id = Id.safeParse((request.params as { id: string }).id);
        if (!id.success) {
          return undefined;
        }
        const s = await site();
        const item = await getPublicItem(ctx.db, id.data);
        if (item === undefined) {
          // A withdrawn item's address says so (410 Gone) and shows nothing of it.
          const row = await findItem(ctx.db, id.data);
          return row?.status === 'withdrawn' ? { status: 410, body: withdrawnPage(s, id.data), type: HTML } : undefined;
        }
        const agency = s.agencies.find((a) => a.id === item.agencyId);
        if (agency === undefined) {
          return undefined;
        }
        return ok(itemPage(s, agency, await getCatalog(ctx.db, agency.id), item));
      }),
    );

    app.get('/items/:id/attachments/:attachmentId/:name', { schema: { hide: true } }, async (request, reply) => {
      const params = request.params as { id: string; attachmentId: string };
      const id = Id.safeParse(params.id);
      const attachmentId = Id.safeParse(params.attachmentId);
      const file =
        id.success && attachmentId.success ? await getPublicAttachment(ctx, id.data, attachmentId.data) : undefined;
      if (file === undefined) {
        reply.callNotFound();
        return reply;
      }
      return reply
        .type(file.mediaType)
        .header('cache-control', 'public, no-cache')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    });

    app.get('/search', { schema: { hide: true } }, (request, reply) =>
      serve(request, reply, async () => {
        const raw = request.query as Record<string, string | undefined>;
        const q = (raw['q'] ?? '').trim().slice(0, 100);
        const agencyId = Id.safeParse(raw['agency']);
        const columnId = Id.safeParse(raw['column']);
        const year = z.coerce.number().int().min(2000).max(2100).safeParse(raw['year']);
        const validity = z.enum(['valid', 'expired', 'abolished']).safeParse(raw['validity']);
        const form = {
          q,
          agencyId: agencyId.success ? agencyId.data : undefined,
          columnId: agencyId.success && columnId.success ? columnId.data : undefined,
          year: year.success ? year.data : undefined,
          validity: validity.success ? validity.data : undefined,
        };
        const thisYear = Number(shanghaiDate(ctx.now()).slice(0, 4));
        const years = Array.from({ length: thisYear - 2018 }, (_, i) => thisYear - i);
        const s = await site();
        const result = q === '' ? undefined : await searchItems(ctx, { ...form, page: PageNumber.parse(raw['page']) });
        const depthOf = (list: CatalogColumn[], depth: number): { id: number; name: string; depth: number }[] =>
          list.flatMap((c) => [{ id: c.id, name: c.name, depth }, ...depthOf(c.children, depth + 1)]);
        const columns = form.agencyId === undefined ? [] : depthOf(await getCatalog(ctx.db, form.agencyId), 0);
        return ok(searchPage(s, form, result, years, columns));
      }),
    );

    app.get('/agencies/:id/reports/:year', { schema: { hide: true } }, (request, reply) =>
      serve(request, reply, async () => {
        const found = await reportFor(request);
        if (found === undefined) {
          return undefined;
        }
        const catalog = await getCatalog(ctx.db, found.agency.id);
        const annual = flattenColumns(catalog).find((c) => c.code === 'annual-reports');
        return ok(reportPage(found.site, found.agency, found.report, found, found.versions, annual?.id));
      }),
    );

    app.get('/agencies/:id/reports/:year/report.:format', { schema: { hide: true } }, async (request, reply) => {
      const format = (request.params as { format: string }).format;
      const found = await reportFor(request);
      if (found === undefined || !['docx', 'pdf', 'json'].includes(format)) {
        return reply.callNotFound();
      }
      const name = `${found.agency.name}${found.report.year}年政府信息公开工作年度报告`;
      const disposition = (ext: string) => `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;
      reply.header('cache-control', 'public, max-age=300');
      if (format === 'json') {
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(found.report, null, 2));
      }
      if (format === 'docx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', disposition('docx'))
          .send(await renderReportDocx(found.report));
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', disposition('pdf'))
        .send(await renderReportPdf(found.report));
    });

    app.get('/open/reports.json', { schema: { hide: true } }, (request, reply) =>
      serve(request, reply, async () => {
        const base = origin();
        const reports = (await listPublishedReports(ctx.db)).map((r) => ({
          agency: r.agency_name,
          agencyId: r.agency_id,
          year: r.year,
          version: r.published_version,
          publishedOn: r.published_on,
          page: `${base}${reportPath(r.agency_id, r.year)}`,
          docx: `${base}${reportPath(r.agency_id, r.year)}/report.docx`,
          pdf: `${base}${reportPath(r.agency_id, r.year)}/report.pdf`,
          json: `${base}${reportPath(r.agency_id, r.year)}/report.json`,
        }));
        return ok(
          JSON.stringify({ schema: 'xxgk-report-list/1', reports }, null, 2),
          'application/json; charset=utf-8',
        );
      }),
    );

    app.get('/sitemap.xml', { schema: { hide: true } }, (request, reply) =>
      serve(request, reply, async () => {
        const s = await site();
        const columns = (
          await Promise.all(
            s.agencies.map(async (a) =>
              flattenColumns(await getCatalog(ctx.db, a.id)).map((c) => ({ agencyId: a.id, id: c.id })),
            ),
          )
        ).flat();
        return ok(
          sitemap(origin(), s.agencies, columns, await listPublishedItemStamps(ctx.db)),
          'application/xml; charset=utf-8',
        );
      }),
    );

    // 适老化 display options without JavaScript: a link sets the cookie and comes back.
    app.get('/view', { schema: { hide: true } }, async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const chosen = new Set(viewOf(request.cookies[VIEW_COOKIE]));
      for (const option of VIEW_OPTIONS) {
        if (query[option] === '1') {
          chosen.add(option);
        }
        if (query[option] === '0') {
          chosen.delete(option);
        }
      }
      const safeBack = sameSitePath(query['back']);
      return reply
        .setCookie(VIEW_COOKIE, [...chosen].join(','), {
          path: '/',
          maxAge: 365 * 24 * 3600,
          sameSite: 'lax',
          httpOnly: true,
          secure: deps.config.cookieSecure,
        })
        .redirect(safeBack, 303);
    });

    async function agencyColumn(agencyParam: string, columnParam: string) {
      const id = Id.safeParse(agencyParam);
      const columnId = Id.safeParse(columnParam);
      if (!id.success || !columnId.success) {
        return undefined;
      }
      const s = await site();
      const agency = s.agencies.find((a) => a.id === id.data);
      if (agency === undefined) {
        return undefined;
      }
      const catalog = await getCatalog(ctx.db, agency.id);
      const column = flattenColumns(catalog).find((c) => c.id === columnId.data);
      return column === undefined ? undefined : { site: s, agency, catalog, column };
    }
  };
}
