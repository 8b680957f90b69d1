// Filings of one department across years and files: the same department name (the reader keeps the
// code apart), or the same code where a year renamed the department but kept its code.
import { departmentKey } from './keys.ts';

export interface HasDepartment {
  department: string | null;
  departmentCode: string | null;
}

export interface DepartmentGroup<T extends HasDepartment> {
  /** The name as the newest member writes it (the last one given), and its code if any member has one. */
  department: string;
  departmentCode: string | null;
  members: T[];
}

/** Groups items by department, keeping the order of first appearance. Items are given oldest first. */
export function groupByDepartment<T extends HasDepartment>(items: T[]): DepartmentGroup<T>[] {
  const groups: { names: Set<string>; codes: Set<string>; members: T[] }[] = [];
  for (const item of items) {
    const name = item.department ? departmentKey(item.department) : '';
    const code = item.departmentCode ?? '';
    let hits = groups.filter((g) => (name && g.names.has(name)) || (code && g.codes.has(code)));
    if (hits.length === 0) {
      hits = [{ names: new Set(), codes: new Set(), members: [] }];
      groups.push(hits[0]);
    }
    // An item can join two groups (one by name, one by code): they were one department all along.
    const [into, ...rest] = hits;
    for (const other of rest) {
      for (const n of other.names) into.names.add(n);
      for (const c of other.codes) into.codes.add(c);
      into.members.push(...other.members);
      groups.splice(groups.indexOf(other), 1);
    }
    if (name) into.names.add(name);
    if (code) into.codes.add(code);
    into.members.push(item);
  }
  return groups.map((g) => {
    const named = g.members.filter((m) => m.department);
    return {
      department: named.length ? named[named.length - 1].department! : '(no department)',
      departmentCode: [...g.members].reverse().find((m) => m.departmentCode)?.departmentCode ?? null,
      members: g.members,
    };
  });
}
