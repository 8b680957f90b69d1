// JSON over fetch with the session cookie. A 401 anywhere means the session is gone: back to the
// login page. Any other failure throws an ApiError carrying the server's Chinese message.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** The whole error body: an upload's 413 also lists the files kept before the one refused. */
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function toLogin(): void {
  location.href = '/login';
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('无法连接服务器，请检查网络后重试', 0, 'network', null);
  }
  if (res.status === 401) {
    toLogin();
    throw new ApiError('登录已失效，正在转到登录页', 401, 'unauthorized', null);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const message = typeof err?.message === 'string' && err.message ? err.message : `请求失败（HTTP ${res.status}）`;
    throw new ApiError(message, res.status, typeof err?.code === 'string' ? err.code : 'http_error', body);
  }
  return body as T;
}

/** A query string from the filled fields (empty ones left out), with its `?`, or ''. */
export function queryString(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v.trim() !== '') q.set(k, v.trim());
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The download of a JSON endpoint's tables: the same query with format=xlsx|csv. */
export function downloadHref(path: string, params: Record<string, string | undefined>, format: 'xlsx' | 'csv'): string {
  return `${path}${queryString({ ...params, format })}`;
}

export const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';

/** The message to show for a failure. */
export const messageOf = (e: unknown): string => (e instanceof Error && e.message ? e.message : '出现未知错误');
