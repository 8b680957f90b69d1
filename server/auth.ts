// Who is asking: a bearer token (scripts, curl) or the session cookie the login page set (the
// workspace). Sessions are kept in the store, so a restart signs nobody out; they end after 12 hours,
// at logout, or with the token: revoking a token ends its sessions at their next request, since each
// request checks the token again.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, may, type Permission } from '../src/access/tokens.ts';
import type { Role, Store, TokenRow } from '../src/store/store.ts';
import { HttpError } from './http-errors.ts';

export const SESSION_COOKIE = 'filings_session';
const SESSION_MS = 12 * 60 * 60 * 1000;

export interface Caller {
  tokenId: string;
  name: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** Login sessions, kept in the store (by the sha256 of their ids) so that they outlive this process. */
export class Sessions {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  async open(tokenHash: string): Promise<string> {
    const id = randomBytes(24).toString('base64url');
    await this.store.openSession({ idHash: hashToken(id), tokenHash, expiresAt: new Date(Date.now() + SESSION_MS).toISOString() });
    return id;
  }

  async tokenHashOf(id: string): Promise<string | null> {
    return (await this.store.sessionToken(hashToken(id), new Date().toISOString())) ?? null;
  }

  async close(id: string): Promise<void> {
    await this.store.closeSession(hashToken(id));
  }
}

const asCaller = (t: TokenRow): Caller => ({ tokenId: t.id, name: t.name, role: t.role });

/** Sets request.caller on every request (null when no valid token or session came with it). */
export function registerAuth(app: FastifyInstance, store: Store, sessions: Sessions): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    let hash: string | null = null;
    if (header?.startsWith('Bearer ')) hash = hashToken(header.slice(7).trim());
    else {
      const session = req.cookies[SESSION_COOKIE];
      if (session) hash = await sessions.tokenHashOf(session);
    }
    const token = hash ? await store.tokenByHash(hash) : undefined;
    req.caller = token ? asCaller(token) : null;
  });
}

/** A preHandler that lets through callers whose role has the permission: 401 without a caller, 403 without the right. */
export const requires =
  (...any: Permission[]) =>
  async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (!req.caller) throw new HttpError(401, 'unauthorized', '请先登录（需要有效的令牌）');
    if (!any.some((p) => may(req.caller!.role, p))) throw new HttpError(403, 'forbidden', '当前角色无权进行此操作');
  };

export const signedIn = async (req: FastifyRequest): Promise<void> => {
  if (!req.caller) throw new HttpError(401, 'unauthorized', '请先登录（需要有效的令牌）');
};
