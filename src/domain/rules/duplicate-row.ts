import { defineRule } from './define';

/** Rows this short carry too little to call a copy. */
const MIN_CONTENT = 20;

/** The length of a row's content key without its cell separators (counted, not copied: it runs on every row). */
function contentLength(key: string): number {
  let n = key.length;
  for (let i = key.indexOf('|'); i !== -1; i = key.indexOf('|', i + 1)) n--;
  return n;
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
      const seen = new Map<string, number>();
      for (const p of s.model.plan?.projects ?? []) {
        if (contentLength(p.contentKey) < MIN_CONTENT) continue;
        const first = seen.get(p.contentKey);
        if (first === undefined) {
          seen.set(p.contentKey, p.row);
          continue;
        }
        const cell = p.name?.cell ?? p.number?.cell;
        if (cell) {
          report({ sheet: s.model.name, cell }, { th: `แถวนี้ซ้ำกับแถว ${first} ทุกช่อง (ยกเว้นลำดับที่)`, en: `This row repeats row ${first} in every cell except the number` });
        }
      }
    }
  },
});
