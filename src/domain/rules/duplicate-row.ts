import type { Memo } from '../memo';
import type { Project } from '../model';
import { contentKey } from '../parse/content';
import { defineRule } from './define';

/** Rows this short carry too little to call a copy. */
const MIN_CONTENT = 20;

/** A row's content hash, or null when its content (without cell separators) is too short to call a copy. */
const keyOf = (p: Project): number | null => (p.contentLength >= MIN_CONTENT ? p.contentHash : null);

/**
 * A table's rows grouped by content hash: each hash's row indices in order, and the hashes held by more than one
 * row (rows that may be copies; their content itself decides).
 */
interface Groups {
  projects: readonly Project[];
  byKey: Map<number, number[]>;
  repeated: Set<number>;
}

function build(projects: readonly Project[]): Groups {
  const byKey = new Map<number, number[]>();
  const repeated = new Set<number>();
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

/**
 * The last check's groups brought up to date in place (the memo holds them and nothing else does): only rows that
 * are new objects move (same places, same count).
 */
function update(prev: Groups, projects: readonly Project[]): Groups {
  const { byKey, repeated } = prev;
  const touch = (k: number): void => {
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
  return { projects, byKey, repeated };
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
      // Every row after the first of its content, in row order. Rows whose hashes meet are told apart by their
      // content, built from the grid for them alone.
      // A row's content is its own (its rows, read through the sheet's key columns): kept in the memo by row, so a
      // re-check builds it only for the rows an edit re-read.
      const kept = ctx.memo?.slot<Project, { columns: unknown; key: string }>('duplicate-row:content');
      const contentOf = (p: Project): string => {
        const k = kept?.get(p);
        if (k && k.columns === s.extras.keyColumns) return k.key;
        const key = contentKey(s.grid, s.extras.keyColumns, p);
        kept?.set(p, { columns: s.extras.keyColumns, key });
        return key;
      };
      const copies: [number, number][] = [];
      for (const k of g.repeated) {
        const byContent = new Map<string, number[]>();
        for (const i of g.byKey.get(k) ?? []) {
          const key = contentOf(projects[i] as Project);
          const list = byContent.get(key);
          if (list) list.push(i);
          else byContent.set(key, [i]);
        }
        for (const list of byContent.values()) {
          const first = (projects[list[0] as number] as Project).row;
          for (const i of list.slice(1)) copies.push([i, first]);
        }
      }
      copies.sort((a, b) => a[0] - b[0]);
      for (const [i, first] of copies) {
        const p = projects[i] as Project;
        const cell = p.name?.cell ?? p.number?.cell;
        if (cell) {
          report({ sheet: s.model.name, cell }, { th: `แถวนี้ซ้ำกับแถว ${first} ทุกช่อง (ยกเว้นลำดับที่)`, en: `This row repeats row ${first} in every cell except the number` });
        }
      }
    }
  },
});
