// What the router hands a page: where to draw, the route's query, who is signed in, and a signal that
// aborts when the user leaves (pending requests, polling and charts stop with it).
import type { Role } from './labels.ts';

export interface Me {
  name: string;
  role: Role;
}

export interface PageContext {
  root: HTMLElement;
  /** The route's own parts after its name: `#/filing/<id>` gives [id]. */
  args: string[];
  params: URLSearchParams;
  me: Me;
  signal: AbortSignal;
}

/** Keeps a page's filters in its route (#/filings?year=2023) without re-rendering it, so reload and back keep them. */
export function rememberQuery(path: string, query: string): void {
  history.replaceState(null, '', `#/${path}${query}`);
}

/**
 * A signal per query, aborting the one before: a slow answer to an older query never overwrites a
 * newer one, and leaving the page aborts the last.
 */
export function latestOnly(page: AbortSignal): () => AbortSignal {
  let current: AbortController | null = null;
  page.addEventListener('abort', () => current?.abort(), { once: true });
  return () => {
    current?.abort();
    current = new AbortController();
    return current.signal;
  };
}
