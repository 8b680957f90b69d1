// The workspace: who is signed in, the tabs their role may use, and a hash router that draws one page
// at a time (each page under pages/).
import './style.css';
import { api, messageOf, toLogin } from './api.ts';
import { errorBox, h } from './dom.ts';
import { ROLE_LABELS } from './labels.ts';
import type { Me, PageContext } from './page.ts';
import { compareDepartmentsPage } from './pages/compare-departments.ts';
import { compareYearsPage } from './pages/compare-years.ts';
import { filingPage } from './pages/filing.ts';
import { filingsPage } from './pages/filings.ts';
import { reviewPage } from './pages/review.ts';
import { uploadPage } from './pages/upload.ts';

/** 'any': the server decides (an uploader following a 查看 link is told it may not read filings). */
type Need = 'upload' | 'read' | 'any';

interface Route {
  /** The hash path it answers, without `#/`; a tab has a label. */
  path: string;
  label?: string;
  need: Need;
  page: (ctx: PageContext) => void | Promise<void>;
}

const ROUTES: Route[] = [
  { path: 'upload', label: '上传', need: 'upload', page: uploadPage },
  { path: 'filings', label: '申报表', need: 'read', page: filingsPage },
  { path: 'compare/years', label: '跨年对比', need: 'read', page: compareYearsPage },
  { path: 'compare/departments', label: '跨部门对比', need: 'read', page: compareDepartmentsPage },
  { path: 'review', label: '审核', need: 'read', page: reviewPage },
  { path: 'filing', need: 'any', page: filingPage },
];

const may = (me: Me, need: Need) => need === 'any' || me.role === 'admin' || (need === 'upload' ? me.role === 'uploader' : me.role === 'auditor');

const defaultPath = (me: Me) => (me.role === 'uploader' ? 'upload' : 'filings');

/** `#/compare/years?project=x` → the route, its extra parts and its query. */
function parseHash(): { route: Route | undefined; args: string[]; params: URLSearchParams } {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split(/\?(.*)/s, 2);
  const parts = path.split('/').filter(Boolean);
  const route = [...ROUTES]
    .sort((a, b) => b.path.length - a.path.length)
    .find((r) => {
      const own = r.path.split('/');
      return own.every((p, i) => parts[i] === p);
    });
  const args = route ? parts.slice(route.path.split('/').length).map((p) => safeDecode(p)) : [];
  return { route, args, params: new URLSearchParams(query) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function header(me: Me): { bar: HTMLElement; tabs: HTMLAnchorElement[] } {
  const tabs = ROUTES.filter((r) => r.label && may(me, r.need)).map((r) => h('a', { href: `#/${r.path}`, class: 'tab', 'data-route': r.path }, r.label!));
  const logout = h('button', { type: 'button', class: 'logout' }, '退出');
  logout.addEventListener('click', async () => {
    logout.disabled = true;
    await fetch('/logout', { method: 'POST' }).catch(() => undefined);
    toLogin();
  });
  const bar = h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'topbar-inner' },
      h('span', { class: 'brand' }, '绩效目标申报表工作台'),
      h('nav', { class: 'tabs', 'aria-label': '主导航' }, tabs),
      h('div', { class: 'user' }, h('span', { class: 'user-name' }, me.name), h('span', { class: 'user-role' }, ROLE_LABELS[me.role] ?? me.role), logout),
    ),
  );
  return { bar, tabs };
}

async function start(): Promise<void> {
  const app = document.getElementById('app')!;
  let me: Me;
  try {
    me = await api<Me>('/api/me');
  } catch (e) {
    app.replaceChildren(h('main', { class: 'page' }, errorBox(messageOf(e))));
    return;
  }
  const { bar, tabs } = header(me);
  const main = h('main', { class: 'page' });
  app.replaceChildren(bar, main);

  let current: AbortController | null = null;
  const render = () => {
    const { route, args, params } = parseHash();
    if (!route || !may(me, route.need) || (route.path === 'filing' && args.length === 0)) {
      // A role's own default, not a page it cannot use: replace so Back does not loop here.
      location.replace(`#/${defaultPath(me)}`);
      return;
    }
    current?.abort();
    current = new AbortController();
    const tabPath = route.path === 'filing' ? 'filings' : route.path;
    for (const t of tabs) {
      const on = t.dataset.route === tabPath;
      t.classList.toggle('active', on);
      if (on) t.setAttribute('aria-current', 'page');
      else t.removeAttribute('aria-current');
    }
    const root = h('div', { class: `view view-${route.path.replace('/', '-')}` });
    main.replaceChildren(root);
    const signal = current.signal;
    Promise.resolve(route.page({ root, args, params, me, signal })).catch((e: unknown) => {
      if (!signal.aborted) root.append(errorBox(messageOf(e)));
    });
    window.scrollTo(0, 0);
  };
  window.addEventListener('hashchange', render);
  render();
}

void start();
