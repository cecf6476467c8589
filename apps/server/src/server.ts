import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { isDomainError, type ErrorCode } from '@xxgk/core';
import { pendingMigrations, ping } from '@xxgk/db';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ServerDeps } from './context.ts';
import { ERROR_TABLE, type ErrorBody } from './errors.ts';
import { registerRequestGuards } from './plugins/request-guards.ts';
import { registerSession } from './plugins/session.ts';
import { applyRoutes } from './portal/apply-routes.ts';
import { portalRoutes } from './portal/routes.ts';
import { itemRoutes } from './routes/items.ts';
import { normativeRoutes } from './routes/normative.ts';
import { annualReportRoutes } from './routes/annual-reports.ts';
import { inspectionRoutes } from './routes/inspection.ts';
import { feedbackRoutes } from './portal/feedback-routes.ts';
import { applicationRoutes } from './routes/applications.ts';
import { agencyRoutes } from './routes/agencies.ts';
import { auditRoutes } from './routes/audit.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { reportRoutes } from './routes/reports.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { authRoutes } from './routes/auth.ts';
import { userRoutes } from './routes/users.ts';

const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');

export interface BuildOptions {
  /** Pino logging; off in tests. */
  readonly logger?: boolean;
}

/** Builds the HTTP server: JSON API, OpenAPI docs, public portal and the admin SPA. Does not listen. */
export async function buildServer(deps: ServerDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    // JSON bodies: a batch of report-json objects for the findings export can be a few MB.
    bodyLimit: 16 * 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    hsts: config.cookieSecure,
    crossOriginEmbedderPolicy: false,
    // Same-origin requests keep their Origin (a form posted under no-referrer says "Origin: null");
    // nothing leaks to other sites.
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      error: errorBody(request, 'TOO_MANY_ATTEMPTS', `请求过于频繁，请在 ${Math.ceil(context.ttl / 1000)} 秒后再试`),
    }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'xxgk 政府信息公开平台 API',
        description: '管理端使用的 JSON 接口。除登录外，所有修改类请求须带 X-CSRF-Token 请求头（取自 /api/auth/me）。',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xxgk_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/admin/') && request.method === 'GET') {
      return sendAdminIndex(deps, reply);
    }
    if (request.url.startsWith('/api/')) {
      return reply
        .code(404)
        .send(errorBody(request, 'NOT_FOUND', `没有这个接口：${request.method} ${request.url.split('?')[0]}`));
    }
    return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage());
  });

  registerRequestGuards(app);
  await registerSession(app, deps);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ping(deps.database.db);
      const pending = await pendingMigrations(deps.database);
      if (pending.length > 0) {
        return reply.code(503).send({ status: 'migrating', pending });
      }
      return { status: 'ready', database: deps.database.dialect };
    } catch (error) {
      app.log.error({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'database-unavailable' });
    }
  });

  await app.register(authRoutes(deps));
  await app.register(agencyRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(calendarRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(catalogRoutes(deps));
  await app.register(itemRoutes(deps));
  await app.register(normativeRoutes(deps));
  await app.register(applicationRoutes(deps));
  await app.register(annualReportRoutes(deps));
  await app.register(inspectionRoutes(deps));
  await app.register(portalRoutes(deps));
  await app.register(applyRoutes(deps));
  await app.register(feedbackRoutes(deps));

  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    maxAge: '1h',
  });
  if (existsSync(path.join(config.adminDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.adminDist,
      prefix: '/admin/',
      decorateReply: false,
      index: false,
      wildcard: true,
      setHeaders: (res, file) => {
        // Vite names assets by content hash, so they never change under the same URL.
        res.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.get('/admin', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin/'));
  app.get('/admin/', { schema: { hide: true } }, async (_request, reply) => sendAdminIndex(deps, reply));

  return app;
}

function sendAdminIndex(deps: ServerDeps, reply: FastifyReply) {
  const index = path.join(deps.config.adminDist, 'index.html');
  if (!existsSync(index)) {
    return reply
      .code(503)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>管理端尚未构建</title><p>管理端尚未构建：请在仓库根目录运行 <code>npm run build:admin</code>。</p></html>',
      );
  }
  return reply.header('cache-control', 'no-cache').sendFile('index.html', deps.config.adminDist);
}

function errorBody(
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  issues: ErrorBody['error']['issues'] = [],
): ErrorBody {
  return { error: { code, message, issues, requestId: request.id } };
}

function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isDomainError(error)) {
    const entry = ERROR_TABLE[error.code];
    if (entry.status >= 500) {
      request.log.error({ err: error }, error.message);
    }
    return reply.code(entry.status).send(errorBody(request, error.code, error.message || entry.title, error.issues));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? '格式不正确',
    }));
    const message = issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；');
    return reply.code(400).send(errorBody(request, 'VALIDATION_FAILED', message, issues));
  }
  if (error.statusCode === 415) {
    return reply.code(415).send(errorBody(request, 'UNSUPPORTED_MEDIA_TYPE', ERROR_TABLE.UNSUPPORTED_MEDIA_TYPE.title));
  }
  if (error.statusCode === 429) {
    return reply.code(429).send(errorBody(request, 'TOO_MANY_ATTEMPTS', ERROR_TABLE.TOO_MANY_ATTEMPTS.title));
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    const message = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? '提交的内容过大' : `请求无效：${error.message}`;
    return reply.code(error.statusCode).send(errorBody(request, 'VALIDATION_FAILED', message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.code(500).send(errorBody(request, 'INTERNAL', ERROR_TABLE.INTERNAL.title));
}

function notFoundPage(): string {
  return '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面不存在</title><link rel="stylesheet" href="/assets/portal.css"></head><body><main id="main" class="wrap"><h1>页面不存在</h1><p>您访问的页面不存在或已被移除。<a href="/">返回首页</a></p></main></body></html>';
}
