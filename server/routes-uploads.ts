// Uploads: multipart `file` fields streamed into the upload store (the bytes are kept before the
// answer), each noted under the token that sent it and handed to the processor; then its status.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { may } from '../src/access/tokens.ts';
import type { UploadStore } from '../src/import/uploads.ts';
import type { Store } from '../src/store/store.ts';
import { oneLine } from '../src/text/one-line.ts';
import { requires } from './auth.ts';
import { badRequest, HttpError, notFound } from './http-errors.ts';
import type { UploadProcessor } from './processor.ts';
import { failureReasons, uploadStatus, type UploadStatus } from './upload-status.ts';

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** A browser sends a bare name; anything else sends what it likes: the base name, one line, bounded. */
function cleanName(given: string | undefined): string {
  const base = path.basename(String(given ?? '').replace(/\\/g, '/')).trim();
  return oneLine(base).slice(0, 255) || 'upload';
}

export function uploadRoutes(app: FastifyInstance, ctx: { store: Store; uploads: UploadStore; processor: UploadProcessor; limits: UploadLimits }): void {
  const { store, uploads, processor, limits } = ctx;

  app.post('/api/uploads', { preHandler: requires('upload') }, async (req, reply) => {
    if (!req.isMultipart()) throw new HttpError(415, 'not_multipart', '上传须为 multipart/form-data，文件字段名为 file');
    const caller = req.caller!;
    const done: UploadStatus[] = [];
    const parts = req.files({ limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles, fields: 10, parts: limits.maxFiles + 10 } });
    for await (const part of parts) {
      if (part.fieldname !== 'file') {
        part.file.resume();
        continue;
      }
      const file = cleanName(part.filename);
      const kept = await uploads.putStream(part.file, limits.maxFileBytes);
      if ('tooLarge' in kept) {
        const mb = Math.round(limits.maxFileBytes / 1024 / 1024);
        return reply.status(413).send({ error: { code: 'too_large', message: `${file} 超过 ${mb} MB，未保存` }, uploads: done });
      }
      await store.recordUploadOwner({ sha256: kept.sha256, tokenId: caller.tokenId, fileName: file });
      await processor.submit({ sha256: kept.sha256, fileName: file, path: `api/${caller.name}/${file}`, size: kept.size });
      done.push(await uploadStatus(store, processor, kept.sha256, file));
    }
    if (done.length === 0) throw badRequest('没有收到文件（字段名须为 file）');
    return reply.status(202).send({ uploads: done });
  });

  /** The uploads the caller may see: an uploader its own, a reader all; newest first. */
  const visible = async (tokenId: string, readsAll: boolean) => {
    const owned = await store.ownedUploads(readsAll ? null : tokenId);
    const latest = new Map<string, string>();
    for (const o of owned) if (!latest.has(o.sha256)) latest.set(o.sha256, o.fileName);
    return latest;
  };

  app.get('/api/uploads', { preHandler: requires('upload', 'read') }, async (req) => {
    const caller = req.caller!;
    const shown = [...(await visible(caller.tokenId, may(caller.role, 'read')))].slice(0, 500);
    const failures = await failureReasons(store);
    return { items: await Promise.all(shown.map(([sha, file]) => uploadStatus(store, processor, sha, file, failures))) };
  });

  app.get<{ Params: { sha256: string } }>('/api/uploads/:sha256', { preHandler: requires('upload', 'read') }, async (req) => {
    const sha = req.params.sha256;
    if (!SHA256.test(sha)) throw notFound('没有这个上传');
    const caller = req.caller!;
    const file = (await visible(caller.tokenId, may(caller.role, 'read'))).get(sha);
    // Someone else's upload is not there for an uploader: no hint that the content exists.
    if (file === undefined) throw notFound('没有这个上传');
    return uploadStatus(store, processor, sha, file);
  });
}
