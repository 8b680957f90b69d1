// 上传: files dropped or chosen go up at once; each then shows where it is (queued, being read,
// stored with its filings, or failed and why), polled until it settles. The uploads of this visit are
// kept across tabs; the earlier ones come from the server.
import { api, ApiError, isAbort, messageOf } from '../api.ts';
import { errorBox, filingHref, h, notice } from '../dom.ts';
import { FAILURE_LABELS, STATUS_LABELS } from '../labels.ts';
import type { PageContext } from '../page.ts';

interface UploadStatus {
  sha256: string;
  file: string;
  status: 'queued' | 'processing' | 'stored' | 'failed';
  code?: string;
  reason?: string;
  filingIds: string[];
}

const POLL_MS = 700;
const POLL_BATCH = 12;
const settled = (u: UploadStatus) => u.status === 'stored' || u.status === 'failed';

/** This visit's uploads, newest first; outlives the page so coming back to the tab shows them. */
const session: UploadStatus[] = [];

function remember(batch: UploadStatus[]): void {
  for (const u of [...batch].reverse()) {
    const at = session.findIndex((s) => s.sha256 === u.sha256);
    if (at >= 0) session.splice(at, 1);
    session.unshift(u);
  }
}

function cells(u: UploadStatus): HTMLTableCellElement[] {
  const links = u.status === 'stored' ? u.filingIds.map((id, i) => h('a', { href: filingHref(id), title: `第 ${i + 1} 份填报表` }, '查看')) : [];
  return [
    h('td', { class: 'file' }, u.file),
    h('td', { class: `status status-${u.status}` }, STATUS_LABELS[u.status] ?? u.status),
    failureCell(u),
    h('td', { class: 'links' }, links),
  ];
}

/** Why it failed, in Chinese by its code; the reader's own detail beside it, in smaller type. */
function failureCell(u: UploadStatus): HTMLTableCellElement {
  if (u.status !== 'failed') return h('td', { class: 'reason' });
  const label = u.code ? FAILURE_LABELS.get(u.code) : undefined;
  if (!label) return h('td', { class: 'reason' }, u.reason ?? '');
  return h('td', { class: 'reason' }, label, u.reason ? h('div', { class: 'reason-detail' }, u.reason) : '');
}

export async function uploadPage({ root, me, signal }: PageContext): Promise<void> {
  const mayUpload = me.role !== 'auditor';
  const message = h('div', { class: 'upload-message', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const listNote = h('div');
  const rows = new Map<string, { tr: HTMLTableRowElement; u: UploadStatus }>();

  /** Adds or refreshes a row; new uploads go on top, earlier ones below. */
  const show = (u: UploadStatus, onTop: boolean) => {
    const known = rows.get(u.sha256);
    if (known) {
      known.u = u;
      known.tr.replaceChildren(...cells(u));
      if (onTop) tbody.prepend(known.tr);
      return;
    }
    const tr = h('tr', { 'data-sha256': u.sha256 }, cells(u));
    rows.set(u.sha256, { tr, u });
    if (onTop) tbody.prepend(tr);
    else tbody.append(tr);
    listNote.replaceChildren();
  };

  let timer: number | undefined;
  const poll = () => {
    if (timer !== undefined || signal.aborted) return;
    timer = window.setTimeout(async () => {
      // Rows in table order, this visit's first; a cap keeps a long backlog from flooding the server.
      const open = [...tbody.rows]
        .map((tr) => rows.get(tr.dataset.sha256 ?? '')!)
        .filter((r) => r && !settled(r.u))
        .slice(0, POLL_BATCH);
      await Promise.all(
        open.map(async ({ u }) => {
          try {
            const fresh = await api<UploadStatus>(`/api/uploads/${encodeURIComponent(u.sha256)}`, { signal });
            refresh(fresh);
          } catch (e) {
            // A 4xx will not change by asking again; a dropped connection may.
            if (e instanceof ApiError && e.status >= 400 && e.status < 500) refresh({ ...u, status: 'failed', reason: e.message });
            else if (!isAbort(e)) message.replaceChildren(errorBox(messageOf(e)));
          }
        }),
      );
      timer = undefined;
      if ([...rows.values()].some((r) => !settled(r.u))) poll();
      else if (message.dataset.state === 'processing') {
        message.dataset.state = '';
        message.replaceChildren(notice('上传的文件已全部处理完毕'));
      }
    }, POLL_MS);
  };
  signal.addEventListener('abort', () => window.clearTimeout(timer));

  const refresh = (u: UploadStatus) => {
    if (signal.aborted) return;
    const s = session.findIndex((x) => x.sha256 === u.sha256);
    if (s >= 0) session[s] = u;
    show(u, false);
  };

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    const body = new FormData();
    for (const f of files) body.append('file', f, f.name);
    message.replaceChildren(notice(`正在上传 ${files.length} 个文件…`));
    let batch: UploadStatus[] = [];
    try {
      batch = (await api<{ uploads: UploadStatus[] }>('/api/uploads', { method: 'POST', body })).uploads;
      if (!signal.aborted) {
        message.dataset.state = 'processing';
        message.replaceChildren(notice(`已上传 ${batch.length} 个文件，正在处理`));
      }
    } catch (e) {
      // A file over the size limit stops the batch; those before it were kept and are listed.
      const kept = e instanceof ApiError ? (e.body as { uploads?: UploadStatus[] } | null)?.uploads : undefined;
      batch = Array.isArray(kept) ? kept : [];
      if (!signal.aborted) {
        message.dataset.state = '';
        message.replaceChildren(errorBox(messageOf(e)));
      }
    }
    remember(batch);
    if (signal.aborted) return;
    for (const u of [...batch].reverse()) show(u, true);
    poll();
  };

  const parts: HTMLElement[] = [h('h1', null, '上传申报表')];
  if (mayUpload) {
    const input = h('input', { type: 'file', multiple: true, id: 'file-input', name: 'file' });
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      // Cleared so choosing the same file again uploads it again.
      input.value = '';
      void upload(files);
    });
    const zone = h(
      'div',
      { class: 'drop-zone', id: 'drop-zone' },
      h('p', { class: 'drop-title' }, '将申报表文件拖到此处'),
      h('p', { class: 'muted' }, '支持 Word（.docx、.doc）、Excel（.xlsx、.xls）和 Markdown（.md），可一次选择多个文件'),
      h('label', { for: 'file-input', class: 'file-label' }, '或选择文件：'),
      input,
    );
    const over = (e: DragEvent) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      zone.classList.add('dragging');
    };
    zone.addEventListener('dragenter', over);
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('dragging');
      void upload([...(e.dataTransfer?.files ?? [])]);
    });
    // A file dropped beside the zone would otherwise make the browser leave the workspace to open it.
    const stray = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stray);
    window.addEventListener('drop', stray);
    signal.addEventListener('abort', () => {
      window.removeEventListener('dragover', stray);
      window.removeEventListener('drop', stray);
    });
    parts.push(zone);
  }
  parts.push(
    message,
    h('h2', null, '上传记录'),
    h(
      'table',
      { class: 'data', id: 'uploads' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['文件', '状态', '原因', '填报表'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      tbody,
    ),
    listNote,
  );
  root.append(...parts);

  for (const u of session) show(u, false);
  listNote.replaceChildren(notice('正在加载以往的上传…'));
  try {
    const { items } = await api<{ items: UploadStatus[] }>('/api/uploads', { signal });
    // This visit's own rows keep their place and their newer state.
    for (const u of items) if (!rows.has(u.sha256)) show(u, false);
    listNote.replaceChildren(rows.size ? '' : notice('还没有上传记录'));
  } catch (e) {
    if (!isAbort(e)) listNote.replaceChildren(errorBox(messageOf(e)));
  }
  poll();
}
