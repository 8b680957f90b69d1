// Filing ids as people type them. A full id is the file's sha256, a colon and the form's place in the
// file: 66 characters. Like git's commit hashes, any prefix of the hash that names one filing will
// do, with `:N` where the file holds several forms; listings show the first 10 characters.
import type { FilingSummary } from '../store/store.ts';
import { LookupError } from './errors.ts';

const SHORT = 10;

/** The id as listings show it: `1a2b3c4d5e:0`. */
export const shortId = (id: string): string => {
  const [sha, index] = id.split(':');
  return `${sha.slice(0, SHORT)}:${index}`;
};

/** The one filing an id or id prefix names; a prefix of fewer than 4 characters names none. */
export function resolveId(summaries: FilingSummary[], given: string): FilingSummary {
  const wanted = given.trim().toLowerCase();
  const m = /^([0-9a-f]{4,64})(?::(\d+))?$/.exec(wanted);
  if (!m) throw new LookupError('no_filing', `${given} 不是编号：编号为十六进制字符（至少4位），可带 :序号，如 1a2b3c4d5e:0`);
  const [, hash, index] = m;
  const hits = summaries.filter((s) => {
    const [sha, i] = s.id.split(':');
    return sha.startsWith(hash) && (index === undefined || i === index);
  });
  if (hits.length === 0) throw new LookupError('no_filing', `没有编号为 ${given} 的填报表`);
  if (hits.length > 1) {
    const listed = hits.slice(0, 10).map((s) => `${shortId(s.id)} ${s.fiscalYear ?? '-'} ${s.projectName ?? s.fileName}`);
    throw new LookupError('ambiguous_id', `编号 ${given} 对应 ${hits.length} 份填报表，请写得更长一些：${listed.join('；')}${hits.length > 10 ? ' …' : ''}`);
  }
  return hits[0];
}
