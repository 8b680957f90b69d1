// The one way this workspace builds DOM. Text from the API (file, project, indicator names) may hold
// anything, `<img onerror=…>` included: it only ever becomes a text node, and attributes only go
// through setAttribute, never as markup.

export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) for (const c of child) append(parent, c);
  else if (child instanceof Node) parent.appendChild(child);
  else parent.appendChild(document.createTextNode(String(child)));
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    // Handlers go through addEventListener and styles through CSS classes: the CSP blocks inline ones.
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`attribute ${name} is not allowed`);
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Replaces an element's content. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** An in-app link: every part is URL-encoded, so a name can't leave the route. */
export const route = (...parts: string[]): string => `#/${parts.map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/')}`;

export const filingHref = (id: string): string => route('filing', id);

/** The visible error box every page uses. */
export const errorBox = (message: string): HTMLElement => h('div', { class: 'error', role: 'alert' }, message);

export const notice = (message: string): HTMLElement => h('p', { class: 'notice' }, message);

const num = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

/** A number as the forms write it, or a dash for none. */
export const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '-' : num.format(n));

export const dash = (s: string | null | undefined): string => (s === null || s === undefined || s === '' ? '-' : s);

/** `2024-03-01T08:15:00.000Z` in local time, to the minute. */
export function fmtTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A table from header labels and rows of cells (a cell is a <td> or its content). */
export function table(attrs: Attrs | null, head: Child[], rows: (HTMLTableRowElement | Child[])[]): HTMLTableElement {
  return h(
    'table',
    attrs,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        head.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((r) =>
        r instanceof HTMLTableRowElement
          ? r
          : h(
              'tr',
              null,
              r.map((c) => (c instanceof HTMLTableCellElement ? c : h('td', null, c))),
            ),
      ),
    ),
  );
}
