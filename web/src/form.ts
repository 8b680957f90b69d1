// The filter bar the list and comparison pages share: labelled fields filled from the route's query,
// a submit that hands back what was filled in, and the download links of the last query.
import { downloadHref } from './api.ts';
import { errorBox, h } from './dom.ts';
import { RULE_LABELS } from './labels.ts';

export interface Field {
  name: string;
  label: string;
  kind?: 'text' | 'year' | 'rule';
  required?: boolean;
  placeholder?: string;
}

export type Values = Record<string, string | undefined>;

export function filterForm(fields: Field[], params: URLSearchParams, submitLabel: string, onSubmit: (values: Values) => void): HTMLFormElement {
  const inputs = fields.map((f) => {
    const id = `f-${f.name}`;
    const value = params.get(f.name) ?? '';
    let control: HTMLInputElement | HTMLSelectElement;
    if (f.kind === 'rule') {
      control = h(
        'select',
        { id, name: f.name },
        h('option', { value: '' }, '全部'),
        Object.entries(RULE_LABELS).map(([code, label]) => h('option', { value: code }, label)),
      );
      control.value = value;
    } else {
      control =
        f.kind === 'year'
          ? h('input', {
              id,
              name: f.name,
              type: 'number',
              min: 1990,
              max: 2100,
              step: 1,
              inputmode: 'numeric',
              placeholder: f.placeholder ?? '如 2024',
              required: f.required,
            })
          : h('input', { id, name: f.name, type: 'text', placeholder: f.placeholder, required: f.required, maxlength: 200 });
      control.value = value;
    }
    return h('div', { class: 'field' }, h('label', { for: id }, f.label, f.required ? h('span', { class: 'req', title: '必填' }, '*') : null), control);
  });
  const reset = h('button', { type: 'button', class: 'secondary' }, '清空');
  const problem = h('div', { class: 'form-problem' });
  // Checked here rather than by the browser, so the message is ours, in the page, like the server's.
  const form = h(
    'form',
    { class: 'filters', novalidate: true },
    inputs,
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, submitLabel), reset),
    problem,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const values: Values = Object.fromEntries(fields.map((f) => [f.name, String(data.get(f.name) ?? '').trim() || undefined]));
    const missing = fields.filter((f) => f.required && !values[f.name]);
    const badYear = fields.filter((f) => f.kind === 'year' && values[f.name] && !/^\d{4}$/.test(values[f.name]!));
    if (missing.length || badYear.length) {
      const say = missing.length ? `请填写${missing.map((f) => f.label).join('、')}` : `${badYear.map((f) => f.label).join('、')}须为四位年份，如 2024`;
      problem.replaceChildren(errorBox(say));
      return;
    }
    problem.replaceChildren();
    onSubmit(values);
  });
  reset.addEventListener('click', () => {
    form.reset();
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) el.value = '';
  });
  return form;
}

/** The form's values as the route had them. */
export const valuesOf = (fields: Field[], params: URLSearchParams): Values =>
  Object.fromEntries(fields.map((f) => [f.name, params.get(f.name)?.trim() || undefined]));

export function downloads(path: string, values: Values): HTMLElement {
  return h(
    'p',
    { class: 'downloads' },
    h('a', { href: downloadHref(path, values, 'xlsx'), download: '', class: 'button-link' }, '下载 Excel'),
    h('a', { href: downloadHref(path, values, 'csv'), download: '', class: 'button-link' }, '下载 CSV'),
  );
}
