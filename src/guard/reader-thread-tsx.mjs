// Entry of a reader thread when the sources run as TypeScript (vitest, tsx): load them through tsx,
// then read the files handed over. The compiled program uses reader-thread.js instead.
import { register } from 'tsx/esm/api';

register();
const { readInThread } = await import('./reader-task.ts');
export default readInThread;
