import type { Figure, Project } from '../model';
import type { Amount } from '../thai';
import { defineRule } from './define';
import { money } from './finding';
import { aligned } from '../memo';
import { projectAmounts, tableAmounts } from './amounts';

/** How many other cells a number-as-text finding lists; the message gives the full count. */
const MAX_RELATED = 200;

const AS_TEXT = {};
const NONE: readonly Figure<Amount>[] = [];
const asText = (figs: readonly Figure<Amount>[]): readonly Figure<Amount>[] => {
  const out = figs.filter((f) => f.value.kind === 'amount' && f.value.asText);
  return out.length > 0 ? out : NONE;
};

const byCell = (a: Figure<Amount>, b: Figure<Amount>): number => a.cell.row - b.cell.row || a.cell.col - b.cell.col;

function inCellOrder(cells: readonly Figure<Amount>[]): boolean {
  for (let i = 1; i < cells.length; i++) if (byCell(cells[i - 1] as Figure<Amount>, cells[i] as Figure<Amount>) > 0) return false;
  return true;
}

export default defineRule({
  meta: {
    code: 'number-as-text',
    severity: 'info',
    title: { th: 'ตัวเลขเป็นข้อความ', en: 'Numbers stored as text' },
    help: { th: 'ตัวเลขที่พิมพ์เป็นข้อความ (เลขไทย) ซึ่ง SUM ไม่นับ หนึ่งรายการต่อชีต', en: 'figures typed as Thai-digit text (SUM skips them), one finding per sheet' },
  },
  // One per sheet: in Thai plans nearly every figure is Thai-digit text, and one line that says how many is more
  // use than a line per row.
  check(ctx, report) {
    const tables = tableAmounts(ctx);
    for (const s of ctx.sheets) {
      // Each row's figures typed as text are the row's own: kept across re-checks, then the tables' after them.
      const projects = s.model.plan?.projects ?? [];
      const rows = aligned<readonly Figure<Amount>[]>(ctx.memo, 'number-as-text', s.model.name, AS_TEXT, projects);
      const cells: Figure<Amount>[] = [];
      const compute = (i: number): readonly Figure<Amount>[] => asText(projectAmounts(projects[i] as Project));
      for (let i = 0; i < projects.length; i++) {
        for (const f of rows.get(i, compute)) cells.push(f);
      }
      for (const f of asText(tables.get(s.model.name) ?? [])) cells.push(f);
      // Rows come in order already, nearly always: sorted only when they do not (a re-check runs this per edit).
      if (!inCellOrder(cells)) cells.sort(byCell);
      const first = cells[0];
      if (!first) continue;
      report({ sheet: s.model.name, cell: first.cell }, {
        th: `ตัวเลข ${money(cells.length)} ช่องในชีตนี้พิมพ์เป็นข้อความ (เลขไทย) สูตร SUM จะไม่นับ`,
        en: `${money(cells.length)} figure(s) on this sheet are typed as text (Thai digits); SUM skips them`,
      }, { related: cells.slice(1, MAX_RELATED + 1).map((f) => f.cell.address) });
    }
  },
});
