// Who is asking: a bearer token (scripts, curl) or the session cookie the login page set (the
// workspace). Sessions live in this process and end after 12 hours or with the token: revoking a
// token ends its sessions at their next request, since each request checks the token again.
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

export class Sessions {
  private readonly byId = new Map<string, { tokenHash: string; expires: number }>();

  open(tokenHash: string): string {
    const id = randomBytes(24).toString('base64url');
    this.byId.set(id, { tokenHash, expires: Date.now() + SESSION_MS });
    return id;
  }

  tokenHashOf(id: string): string | null {
    const s = this.byId.get(id);
    if (!s) return null;
    if (s.expires < Date.now()) {
      this.byId.delete(id);
      return null;
    }
    return s.tokenHash;
  }

  close(id: string): void {
    this.byId.delete(id);
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
      if (session) hash = sessions.tokenHashOf(session);
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
