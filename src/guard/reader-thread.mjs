// Entry of a reader thread: load the TypeScript sources through tsx, then read the files handed over.
import { register } from 'tsx/esm/api';

register();
const { readInThread } = await import('./reader-task.ts');
export default readInThread;
