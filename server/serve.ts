// Runs the service until SIGINT or SIGTERM, then closes the listener, the processor and the store.
import { UploadStore } from '../src/import/uploads.ts';
import { limits } from '../parsers/limits.ts';
import { openStore } from '../src/store/open.ts';
import { buildApp, defaultWebRoot } from './app.ts';
import { localProcessor, queueProcessor, type UploadProcessor } from './processor.ts';

export async function serve(where: { db?: string; databaseUrl?: string; uploadsDir: string }, opts: { port: number; host: string }): Promise<void> {
  const store = await openStore(where, 'create');
  const uploads = new UploadStore(where.uploadsDir);
  let processor: UploadProcessor;
  if (process.env.REDIS_URL) {
    const [{ openQueue }, { whenReachable }] = await Promise.all([import('../workers/queue.ts'), import('../workers/reachable.ts')]);
    const queue = openQueue();
    await whenReachable(queue);
    processor = queueProcessor(queue);
  } else processor = localProcessor(store, uploads);
  const webRoot = defaultWebRoot();
  const app = await buildApp({ store, uploads, processor, webRoot, limits: { maxFileBytes: limits.maxFileBytes, maxFiles: 100 } });
  const address = await app.listen({ port: opts.port, host: opts.host });
  process.stderr.write(
    `filings: serving ${address} (store ${store.kind}; uploads read ${processor.kind === 'queue' ? 'by queue workers' : 'in this process'}${webRoot ? '' : '; workspace not built: npm run build'})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stderr.write('filings: stopping\n');
  await app.close();
  await processor.close();
  await store.close();
}
