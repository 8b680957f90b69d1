// One throwaway PostgreSQL for the whole run (vitest globalSetup): every test file that needs one gets
// its own databases on it (tests/helpers/postgres.ts), instead of paying for initdb and a server of
// its own. Set DATABASE_URL_TEST to use a server you run yourself.
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL_TEST;
  if (given) {
    project.provide('postgresUrl', given);
    return async () => {};
  }
  const [url, stop] = await startPostgresServer();
  project.provide('postgresUrl', url);
  return stop;
}
