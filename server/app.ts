// The service: one Fastify app with the API (routes-*.ts), the login page and the built workspace
// (dist/web), on the same store as the CLI. Security headers on every answer: a CSP that allows no
// inline script or style, no framing, no sniffing. Rate limits keep a client from hammering the
// token check or the upload store.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { hashToken } from '../src/access/tokens.ts';
import type { UploadStore } from '../src/import/uploads.ts';
import type { Store } from '../src/store/store.ts';
import { registerAuth, SESSION_COOKIE, Sessions } from './auth.ts';
import { errorHandler, HttpError } from './http-errors.ts';
import { LOGIN_CSS, loginPage } from './login-page.ts';
import type { UploadProcessor } from './processor.ts';
import { uploadRoutes, type UploadLimits } from './routes-uploads.ts';
import { viewRoutes } from './routes-views.ts';

export interface AppContext {
  store: Store;
  uploads: UploadStore;
  processor: UploadProcessor;
  limits: UploadLimits;
  /** The built workspace (index.html and assets); null serves the API alone. */
  webRoot: string | null;
  /** Requests per minute per client address. */
  rateLimit?: number;
  logger?: boolean;
}

/** dist/web beside the compiled server (dist/server), or the repository's dist/web when run from sources. */
export function defaultWebRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // From sources (tsx), ../web is the workspace's unbuilt source: only the built one will do.
  const built = path.basename(path.dirname(here)) === 'dist' ? path.join(here, '../web') : path.join(here, '../dist/web');
  return fs.existsSync(path.join(built, 'index.html')) ? built : null;
}

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: ctx.logger ?? false, bodyLimit: 64 * 1024, trustProxy: false });
  app.setErrorHandler(errorHandler);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(rateLimit, { max: ctx.rateLimit ?? 3000, timeWindow: '1 minute' });
  await app.register(cookie);
  await app.register(multipart);
  // The login form posts urlencoded; nothing else does, and it is small.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const sessions = new Sessions(ctx.store);
  registerAuth(app, ctx.store, sessions);
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.get('/login', async (_req, reply) => reply.type('text/html; charset=utf-8').send(loginPage(null)));
  app.get('/login.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(LOGIN_CSS));
  app.post<{ Body: { token?: string } }>('/login', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const given = typeof req.body?.token === 'string' ? req.body.token.trim() : '';
    const token = given ? await ctx.store.tokenByHash(hashToken(given)) : undefined;
    if (!token) return reply.status(401).type('text/html; charset=utf-8').send(loginPage('令牌无效或已撤销'));
    const session = await sessions.open(token.tokenHash);
    reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.protocol === 'https', maxAge: 12 * 60 * 60 });
    return reply.redirect('/', 303);
  });
  app.post('/logout', async (req, reply) => {
    const session = req.cookies[SESSION_COOKIE];
    if (session) await sessions.close(session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  uploadRoutes(app, ctx);
  viewRoutes(app, ctx);
  app.all('/api/*', async () => {
    throw new HttpError(404, 'not_found', '没有这个接口');
  });

  if (ctx.webRoot) {
    await app.register(fastifyStatic, { root: ctx.webRoot, index: ['index.html'], wildcard: false, serveDotFiles: false });
  } else {
    app.get('/', async (_req, reply) => reply.status(503).type('text/plain; charset=utf-8').send('工作台页面尚未构建：请运行 npm run build\n'));
  }
  return app;
}
