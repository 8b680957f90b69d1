// Entry of an import worker thread: load the TypeScript sources through tsx, then hand over the job.
import { register } from 'tsx/esm/api';

register();
const { runJobInThread } = await import('./thread-job.ts');
export default runJobInThread;
