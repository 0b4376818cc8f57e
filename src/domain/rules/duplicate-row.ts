import type { Memo } from '../memo';
import type { Project } from '../model';
import { defineRule } from './define';

/** Rows this short carry too little to call a copy. */
const MIN_CONTENT = 20;

/** The length of a row's content key without its cell separators (counted, not copied: it runs on every row). */
function contentLength(key: string): number {
  let n = key.length;
  for (let i = key.indexOf('|'); i !== -1; i = key.indexOf('|', i + 1)) n--;
  return n;
}

const keyOf = (p: Project): string | null => (contentLength(p.contentKey) >= MIN_CONTENT ? p.contentKey : null);

/** A table's rows grouped by content: each key's row indices in order, and the keys held by more than one row. */
interface Groups {
  projects: readonly Project[];
  byKey: Map<string, number[]>;
  repeated: Set<string>;
  /** Every row after the first of its content, with that first one (indices), in row order; made when asked. */
  copies?: readonly (readonly [number, number])[];
}

function build(projects: readonly Project[]): Groups {
  const byKey = new Map<string, number[]>();
  const repeated = new Set<string>();
  projects.forEach((p, i) => {
    const k = keyOf(p);
    if (k === null) return;
    const list = byKey.get(k);
    if (!list) byKey.set(k, [i]);
    else {
      list.push(i);
      repeated.add(k);
    }
  });
  return { projects, byKey, repeated };
}

/** The copies of a table's groups, kept with the groups until a row's content moves (a re-check's edits rarely do). */
function copiesOf(g: Groups): readonly (readonly [number, number])[] {
  if (g.copies) return g.copies;
  const copies: [number, number][] = [];
  for (const k of g.repeated) {
    const list = g.byKey.get(k) ?? [];
    for (let n = 1; n < list.length; n++) copies.push([list[n] as number, list[0] as number]);
  }
  copies.sort((a, b) => a[0] - b[0]);
  g.copies = copies;
  return copies;
}

/**
 * The last check's groups brought up to date in place (the memo holds them and nothing else does): only rows that
 * are new objects move (same places, same count).
 */
function update(prev: Groups, projects: readonly Project[]): Groups {
  const { byKey, repeated } = prev;
  let copies = prev.copies;
  const touch = (k: string): void => {
    const n = byKey.get(k)?.length ?? 0;
    if (n === 0) byKey.delete(k);
    if (n > 1) repeated.add(k);
    else repeated.delete(k);
  };
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i] as Project;
    const q = prev.projects[i] as Project;
    if (p === q) continue;
    const was = keyOf(q);
    const now = keyOf(p);
    if (was === now) continue;
    copies = undefined;
    if (was !== null) {
      const at = i; // not the loop's own binding: a closure over that would make one per row
      byKey.set(was, (byKey.get(was) ?? []).filter((x) => x !== at));
      touch(was);
    }
    if (now !== null) {
      byKey.set(now, [...(byKey.get(now) ?? []), i].sort((a, b) => a - b));
      touch(now);
    }
  }
  return copies ? { projects, byKey, repeated, copies } : { projects, byKey, repeated };
}

/** A table's groups, from the memo's last ones when the table has the same number of rows. */
function groupsOf(sheet: string, projects: readonly Project[], memo: Memo | undefined): Groups {
  const last = memo?.lastOf<Groups>(`duplicate-row\u0000${sheet}`);
  const prev = last?.value;
  // Let go first: groups left half updated by an exception are never used again.
  if (last) last.value = undefined;
  const g = prev && prev.projects.length === projects.length ? update(prev, projects) : build(projects);
  if (last) last.value = g;
  return g;
}

export default defineRule({
  meta: {
    code: 'duplicate-row',
    severity: 'warning',
    title: { th: 'แถวซ้ำ', en: 'Duplicate rows' },
    help: { th: 'แถวที่ซ้ำกับแถวอื่นทุกช่อง ยกเว้นลำดับที่', en: 'a row that repeats another except for its number' },
  },
  check(ctx, report) {
    for (const s of ctx.sheets) {
      const projects = s.model.plan?.projects ?? [];
      const g = groupsOf(s.model.name, projects, ctx.memo);
      // Every row after the first of its content, in row order.
      for (const [i, at] of copiesOf(g)) {
        const p = projects[i] as Project;
        const first = (projects[at] as Project).row;
        const cell = p.name?.cell ?? p.number?.cell;
        if (cell) {
          report({ sheet: s.model.name, cell }, { th: `แถวนี้ซ้ำกับแถว ${first} ทุกช่อง (ยกเว้นลำดับที่)`, en: `This row repeats row ${first} in every cell except the number` });
        }
      }
    }
  },
});
