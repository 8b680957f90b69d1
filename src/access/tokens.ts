// API tokens for the service. A token is 32 random bytes (base64url) behind a `flt_` prefix, so a
// leaked one is recognisable in logs and scanners; the store keeps only its sha256, so a copy of the
// database lets no one in. What each role may do is decided here, once.
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../store/store.ts';

export const ROLES = ['uploader', 'auditor', 'admin'] as const satisfies readonly Role[];

export type Permission = 'upload' | 'read';

const GRANTS: Record<Role, readonly Permission[]> = {
  uploader: ['upload'],
  auditor: ['read'],
  admin: ['upload', 'read'],
};

export const may = (role: Role, what: Permission): boolean => GRANTS[role].includes(what);

export const ROLE_NAME: Record<Role, string> = { uploader: '上传者', auditor: '审核员', admin: '管理员' };

export function newToken(): { token: string; id: string; hash: string } {
  const token = `flt_${randomBytes(32).toString('base64url')}`;
  return { token, id: randomBytes(4).toString('hex'), hash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
