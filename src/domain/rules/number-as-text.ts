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

/** A row's figures typed as text, and whether they come in cell order (judged once, when the row is read). */
interface RowText {
  cells: readonly Figure<Amount>[];
  ordered: boolean;
}
const NO_ROW: RowText = { cells: NONE, ordered: true };

function rowText(cells: readonly Figure<Amount>[]): RowText {
  if (cells.length === 0) return NO_ROW;
  let ordered = true;
  for (let k = 1; k < cells.length && ordered; k++) if (byCell(cells[k - 1] as Figure<Amount>, cells[k] as Figure<Amount>) > 0) ordered = false;
  return { cells, ordered };
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
      const rows = aligned<RowText>(ctx.memo, 'number-as-text', s.model.name, AS_TEXT, projects);
      const compute = (i: number): RowText => rowText(asText(projectAmounts(projects[i] as Project)));
      const table = rowText(asText(tables.get(s.model.name) ?? []));
      // Counted row by row, keeping only the first cells the finding names; rows come in cell order nearly always
      // (a re-check runs this per edit: one comparison per row, not per cell), and only when they do not are they
      // all gathered and sorted.
      const head: Figure<Amount>[] = [];
      let count = 0;
      let last: Figure<Amount> | undefined;
      let ordered = true;
      const take = (row: RowText): void => {
        const list = row.cells;
        if (list.length === 0) return;
        if (!row.ordered || (last && byCell(last, list[0] as Figure<Amount>) > 0)) ordered = false;
        last = list[list.length - 1];
        count += list.length;
        for (let k = 0; k < list.length && head.length <= MAX_RELATED; k++) head.push(list[k] as Figure<Amount>);
      };
      for (let i = 0; i < projects.length && ordered; i++) take(rows.get(i, compute));
      if (ordered) take(table);
      let cells = head;
      if (!ordered) {
        cells = [];
        for (let i = 0; i < projects.length; i++) for (const f of rows.get(i, compute).cells) cells.push(f);
        for (const f of table.cells) cells.push(f);
        cells.sort(byCell);
        count = cells.length;
      }
      const first = cells[0];
      if (!first) continue;
      report({ sheet: s.model.name, cell: first.cell }, {
        th: `ตัวเลข ${money(count)} ช่องในชีตนี้พิมพ์เป็นข้อความ (เลขไทย) สูตร SUM จะไม่นับ`,
        en: `${money(count)} figure(s) on this sheet are typed as text (Thai digits); SUM skips them`,
      }, { related: cells.slice(1, MAX_RELATED + 1).map((f) => f.cell.address) });
    }
  },
});
