/* Prints what the parser sees for every row of a workbook: `npx tsx scripts/print-parse.ts file.xlsx`. */
import { readXlsx } from '../src/workbook/xlsx/read';
// This tool prints the parser's internals (headings, extras), which no host needs: it may look inside the domain.
// eslint-disable-next-line no-restricted-imports
import { parseSheet } from '../src/domain/parse/sheet';
import { analyze } from '../src/domain';

async function main(): Promise<void> {
  const snap = await readXlsx(process.argv[2] as string);
  const { catalog } = analyze(snap);
  for (const s of snap.sheets) {
    const { model, headings, extras } = parseSheet(s, catalog);
    console.log(`== ${model.name} family=${model.family}`);
    for (const h of headings) console.log(`  H r${h.row} ${h.kind} ${h.code ?? ''}`);
    for (const p of model.plan?.projects ?? []) {
      const b = p.budget?.value;
      console.log(
        `  P r${p.row} no=${p.number?.value ?? '-'} g=${p.goal} i=${p.indicator} parent=${p.parent === null ? '-' : model.plan?.projects[p.parent]?.row} ` +
          `budget=${b ? (b.kind === 'amount' ? b.value : b.kind) : '∅'} qb=[${p.quarterBudgets.map((q) => (q ? (q.value.kind === 'amount' ? q.value.value : q.value.kind) : '∅')).join(',')}] ` +
          `qt=[${p.quarterTargets.map((q) => (q ? JSON.stringify(q.value) : '∅')).join(',')}] tt=${p.totalTarget ? JSON.stringify(p.totalTarget.value) : '∅'} ` +
          `tl=[${p.timeline.map((t) => t?.value ?? '∅').join('|')}] ${p.shifted ? 'SHIFTED' : ''} cont=${p.continuationRows.join(',')}`,
      );
    }
    for (const t of model.plan?.totals ?? []) console.log(`  T r${t.row} count=${t.statedCount?.value} hint=${t.scopeHint} amounts=${JSON.stringify(Object.fromEntries(Object.entries(t.amounts).map(([k, v]) => [k, v?.value])))}`);
    for (const sm of model.summaries) for (const r of sm.rows) console.log(`  S ${sm.kind} r${r.row} ${JSON.stringify(r, (k, v) => (k === 'cell' || k === 'raw' ? undefined : v))}`);
    console.log(`  extras ${JSON.stringify(extras)}`);
  }
}
void main();
