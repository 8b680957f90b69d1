// BullMQ runs this file in a child process for each job (a sandboxed processor), so that parsing,
// which is CPU work, never blocks the worker's lock renewal. TypeScript comes through tsx.
import { register } from 'tsx/esm/api';

register();
const { processJob } = await import('./process-job.ts');
export default processJob;
