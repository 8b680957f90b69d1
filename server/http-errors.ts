// Errors as the API answers them: a status and `{"error": {"code", "message"}}`, the message in
// Chinese for the person at the page, the code in English for scripts. What the views throw (a
// comparison that can't be made, an unknown id or rule) is mapped here, in one place.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CompareError } from '../src/compare/errors.ts';
import { LookupError } from '../src/show/errors.ts';
import { UnknownRuleError } from '../src/views/errors.ts';

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.name = 'HttpError';
  }
}

export const notFound = (what = '没有找到') => new HttpError(404, 'not_found', what);
export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);

function asHttp(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if (e instanceof LookupError) return new HttpError(e.code === 'no_filing' ? 404 : 409, e.code, e.message);
  if (e instanceof CompareError) return new HttpError(e.code === 'unknown_group' ? 400 : e.code.startsWith('ambiguous') ? 409 : 404, e.code, e.message);
  if (e instanceof UnknownRuleError) return new HttpError(400, e.code, e.message);
  const fe = e as FastifyError;
  if (fe?.statusCode === 429) return new HttpError(429, 'rate_limited', '请求过于频繁，请稍后再试');
  if (fe?.code === 'FST_REQ_FILE_TOO_LARGE' || fe?.statusCode === 413) return new HttpError(413, 'too_large', '文件过大');
  if (fe?.code === 'FST_FILES_LIMIT' || fe?.code === 'FST_PARTS_LIMIT') return new HttpError(413, 'too_many_files', '一次上传的文件过多');
  if (fe?.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new HttpError(415, 'not_multipart', '上传须为 multipart/form-data');
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new HttpError(fe.statusCode, 'bad_request', '请求有误');
  return new HttpError(500, 'internal', '服务器内部错误');
}

export function errorHandler(e: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const h = asHttp(e);
  // What went wrong inside is for the log (English, one line), never for the page.
  if (h.status >= 500) req.log.error({ err: e }, 'request failed');
  void reply.status(h.status).send({ error: { code: h.code, message: h.message } });
}
