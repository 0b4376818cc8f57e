/**
 * `npm run bench`: one table, and bench.json. analyze() on realistic plans grown from the Chiang Mai rows
 * (bench/realistic.ts) at 1k–200k rows (best of a few runs: the machine is shared), the office adapter against the
 * FakeExcel (syncs, bytes, rejections for check + mark, and a re-read), the CLI's read + check against a plain
 * exceljs read of the same file, the CLI over several files (bench/cli.bench.ts), the browser mode in Chromium
 * (long tasks, first findings, DOM nodes; needs `npm run build`), and the process's peak RSS.
 */
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { analyze, analyzeWithState, planMarks, planNumbers, planTotals, reanalyze, type Action } from '../src/domain';
import type { SheetEdit } from '../src/workbook/host';
import { OfficeHost } from '../src/workbook/office/host';
import { jsonBytes } from '../src/workbook/office/read-plan';
import { patchXlsx } from '../src/workbook/xlsx/patch';
import { readXlsx } from '../src/workbook/xlsx/read';
import { FakeExcel } from '../test/fakes/fake-excel';
import { DIST, launch } from '../test/e2e/harness';
import { manySheets, measureCheck, writeXlsx, type PaneFigures } from '../test/e2e/pane-perf';
import { cliBatch, cliFixRss } from './cli.bench';
import { FIXTURE, realisticPlan } from './realistic';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Which parts to run (all by default): engine, office, live, cli. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'engine,office,live,cli,patch,pane').split(','));
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000,100000,200000').split(',').map(Number);
const rows: Record<string, unknown>[] = [];
const table: string[] = [];
const line = (cells: (string | number)[]): void => void table.push(`| ${cells.join(' | ')} |`);

/** Heap in use after two full collections (the bench runs with --expose-gc). */
function settled(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

async function engine(): Promise<void> {
  await realisticPlan(1); // the fixture is read once per process: not part of any size's snapshot
  for (const n of SIZES) {
    const empty = settled();
    const plan = await realisticPlan(n);
    const { snapshot, rows: sheetRows } = plan;
    // What the snapshot takes: the heap it added, before any analysis (whose memos may hold parts of it).
    const snapshotBytes = settled() - empty;
    const base = settled();
    let peak = 0;
    const times: number[] = [];
    for (let i = 0; i < (n >= 100_000 ? 1 : RUNS); i++) {
      const t = performance.now();
      const a = analyze(snapshot);
      times.push(performance.now() - t);
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      if (a.stats.projects === 0) throw new Error('no projects');
    }
    // What an analysis keeps (its result, retained) and what the snapshot itself takes, each after full collections:
    // the peak above also holds garbage not yet collected.
    const before = settled();
    let kept: ReturnType<typeof analyze> | null = analyze(snapshot);
    const result = settled() - before;
    if (kept.stats.projects === 0) throw new Error('no projects');
    kept = null;
    const ms = Math.min(...times);
    const ratio = result / Math.max(1, snapshotBytes);
    rows.push({ part: 'analyze', projects: n, sheetRows, ms, usPerRow: (ms * 1000) / n, heapMB: peak / 1e6, resultMB: result / 1e6, snapshotMB: snapshotBytes / 1e6, resultPerSnapshot: ratio });
    line(['analyze', `${n.toLocaleString('en')} projects (${sheetRows.toLocaleString('en')} rows)`, `${ms.toFixed(0)} ms`, `${((ms * 1000) / n).toFixed(1)} µs/row`, `peak +${(peak / 1e6).toFixed(0)} MB; result ${(result / 1e6).toFixed(0)} MB = ${ratio.toFixed(1)}× the snapshot (${(snapshotBytes / 1e6).toFixed(0)} MB)`]);
  }
}

async function office(): Promise<void> {
  for (const n of [1000, 5000, 10_000, 50_000]) {
    const plan = await realisticPlan(n);
    const values = plan.snapshot.sheets.reduce((s, sh) => s + jsonBytes(sh.values.map((r) => r.map((v) => v ?? ''))), 0);
    const fake = FakeExcel.fromSnapshot(plan.snapshot);
    const host = new OfficeHost(fake.run, fake.isSetSupported);
    await host.listSheets();
    for (const round of ['check + mark', 're-check (remembered)'] as const) {
      if (round !== 'check + mark' && n !== 10_000) continue;
      fake.syncs = 0;
      fake.payloads.length = 0;
      const { snapshot } = await host.read();
      const readSyncs = fake.syncs;
      await host.apply(planMarks(analyze(snapshot)));
      const bytes = fake.payloads.reduce((s, p) => s + p.response, 0);
      const rejected = fake.payloads.filter((p) => !p.ok).length;
      rows.push({ part: 'office', round, projects: n, syncs: fake.syncs, readSyncs, bytes, valuesBytes: values, rejected });
      line([`office ${round}`, `${n.toLocaleString('en')} projects`, `${fake.syncs} syncs (${readSyncs} read)`, `${(bytes / 1e6).toFixed(1)} MB read (${(bytes / values).toFixed(2)}× values)`, `${rejected} rejected`]);
    }
  }
}

/**
 * One live edit at 10k: the user types a quarter budget; the pane re-reads (only the edited row, or the whole sheet
 * as before), re-analyses (incrementally, or whole), and writes the marks (only the changed bands, or all). Each
 * way several edits, min / median of the engine's time.
 */
async function live(): Promise<void> {
  const plan = await realisticPlan(10_000);
  const sheet = plan.snapshot.sheets.reduce((a, b) => (b.values.length > a.values.length ? b : a));
  const values = plan.snapshot.sheets.reduce((s, sh) => s + jsonBytes(sh.values.map((r) => r.map((v) => v ?? ''))), 0);
  for (const way of ['rows', 'whole sheet'] as const) {
    const fake = FakeExcel.fromSnapshot(plan.snapshot);
    const host = new OfficeHost(fake.run, fake.isSetSupported);
    await host.listSheets();
    let { snapshot } = await host.read();
    let state = analyzeWithState(snapshot);
    await host.apply(planMarks(state.analysis));
    const edits: SheetEdit[][] = [];
    await host.watch((e) => edits.push(e));
    const projects = state.analysis.models.find((m) => m.name === sheet.name)?.plan?.projects ?? [];
    const engine: number[] = [];
    let last = { syncs: 0, bytes: 0, marks: 0, markSyncs: 0, path: '' };
    for (let k = 0; k < Math.max(3, RUNS + 2); k++) {
      const row = projects[(k * 997 + 13) % projects.length]?.row ?? 10;
      edits.length = 0;
      await fake.edit(sheet.name, `G${row}`, 1000 + k);
      fake.syncs = 0;
      fake.payloads.length = 0;
      const wanted = way === 'rows' ? edits.flat() : edits.flat().map((e) => ({ ...e, rows: null }));
      const read = await host.readEdits(snapshot, wanted);
      const syncs = fake.syncs;
      const bytes = fake.payloads.reduce((s, p) => s + p.response, 0);
      const t = performance.now();
      state = way === 'rows' ? reanalyze(state.state, read.snapshot, read.edited) : analyzeWithState(read.snapshot);
      engine.push(performance.now() - t);
      snapshot = read.snapshot;
      // Before: every mark cleared and written again (the host forgets what it wrote); now: the bands that changed.
      if (way === 'whole sheet') await host.apply([]);
      fake.syncs = 0;
      await host.apply(planMarks(state.analysis));
      last = { syncs, bytes, marks: host.lastApply?.marked ?? 0, markSyncs: fake.syncs, path: state.path };
    }
    engine.sort((a, b) => a - b);
    const min = engine[0] ?? 0;
    const median = engine[engine.length >> 1] ?? 0;
    rows.push({ part: 'office live edit', way, projects: 10_000, readSyncs: last.syncs, bytes: last.bytes, valuesBytes: values, marksWritten: last.marks, markSyncs: last.markSyncs, engineMinMs: min, engineMedianMs: median, path: last.path });
    line([`office live edit (${way})`, '10,000 projects, 1 cell', `${last.syncs} read + ${last.markSyncs} mark syncs`, `${(last.bytes / 1e3).toFixed(1)} kB read, ${last.marks} marks written`, `engine ${min.toFixed(0)} / ${median.toFixed(0)} ms (min / median, ${last.path})`]);
  }
}

async function cli(): Promise<void> {
  const plan = await realisticPlan(10_000);
  const wb = new ExcelJS.Workbook();
  for (const s of plan.snapshot.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.values) ws.addRow(r);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'plancheck-bench-')), 'plan-10k.xlsx');
  await wb.xlsx.writeFile(file);
  const best = async (f: () => Promise<unknown>): Promise<number> => {
    const ts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await f();
      ts.push(performance.now() - t);
    }
    return Math.min(...ts);
  };
  const plain = await best(() => new ExcelJS.Workbook().xlsx.readFile(file));
  const check = await best(async () => analyze(await readXlsx(file)));
  rows.push({ part: 'cli', projects: 10_000, plainReadMs: plain, checkMs: check, ratio: check / plain });
  line(['CLI check', '10,000 projects (.xlsx)', `${check.toFixed(0)} ms`, `plain exceljs read ${plain.toFixed(0)} ms`, `×${(check / plain).toFixed(2)}`]);
}

/**
 * The package patcher on a realistic .xlsx: `fix` (numbers and totals, as the CLI plans them) and the marks with
 * their notes, each patched into the file's bytes (best of a few runs; 50k once). Linear: ms per 1k actions stays
 * flat from 10k to 50k.
 */
async function patch(): Promise<void> {
  for (const n of (process.env.BENCH_PATCH_SIZES ?? '10000,50000').split(',').map(Number)) {
    const plan = await realisticPlan(n);
    const file = join(mkdtempSync(join(tmpdir(), 'plancheck-bench-patch-')), `plan-${n}.xlsx`);
    await writeXlsx(plan.snapshot, file);
    const bytes = new Uint8Array(readFileSync(file));
    const analysis = analyze(await readXlsx(file));
    const totals = planTotals(analysis).actions;
    const done = new Set(totals.map((a) => (a.kind === 'set-number' || a.kind === 'set-formula' ? `${a.sheet}!${a.cell}` : '')));
    const fix = (planNumbers(analysis).filter((a) => !done.has(`${a.sheet}!${a.cell}`)) as Action[]).concat(totals);
    for (const [what, actions] of [['fix --numbers --totals', fix], ['marks + notes', planMarks(analysis, { notes: true })]] as const) {
      const times: number[] = [];
      for (let i = 0; i < (n >= 50_000 ? 1 : RUNS); i++) {
        const t = performance.now();
        patchXlsx(bytes, actions);
        times.push(performance.now() - t);
      }
      const ms = Math.min(...times);
      const per1k = (ms * 1000) / actions.length;
      rows.push({ part: 'patch', what, projects: n, actions: actions.length, ms, msPer1kActions: per1k });
      line([`patch ${what}`, `${n.toLocaleString('en')} projects (.xlsx)`, `${ms.toFixed(0)} ms`, `${per1k.toFixed(1)} ms / 1k actions (${actions.length.toLocaleString('en')})`, '']);
    }
  }
}

/**
 * The browser mode in Debian's Chromium on a realistic plan: every main-thread task from the upload to the marked
 * check (a long-task observer), the time to the first finding shown, and the DOM nodes after. Target: no task
 * over 100 ms at 50k rows.
 */
async function pane(): Promise<void> {
  const sizes = (process.env.BENCH_PANE_SIZES ?? '50000').split(',').filter(Boolean).map(Number);
  if (!existsSync(join(DIST, 'taskpane.js'))) {
    line(['pane (browser mode)', 'not measured', 'run `npm run build` first', '', '']);
    return;
  }
  const browser = await launch();
  const longest = (m: PaneFigures): string =>
    m.longestMs === 0 ? 'no main-thread task of 50 ms or more' : `longest main-thread task ${m.longestMs} ms, ${m.over100} over 100 ms`;
  const report = (m: PaneFigures, size: string): void =>
    line(['pane check (browser, Chromium)', size, longest(m), `open ${m.openMs} ms, first findings ${m.firstFindingMs} ms after ตรวจ`, `${m.domNodes.toLocaleString('en')} DOM nodes`]);
  try {
    for (const n of sizes) {
      const plan = await realisticPlan(n);
      const file = join(mkdtempSync(join(tmpdir(), 'plancheck-bench-pane-')), `plan-${n}.xlsx`);
      await writeXlsx(plan.snapshot, file);
      const m = await measureCheck(browser, file, { width: 1200, timeoutMs: 600_000 });
      rows.push({ part: 'pane', projects: n, ...m, longTasks: undefined, tasks: m.longTasks.length });
      report(m, `${n.toLocaleString('en')} projects (.xlsx)`);
    }
    // Many findings on many sheets: the Chiang Mai plan sheet 100 times (900 findings, 100 per-sheet counts).
    const file = join(mkdtempSync(join(tmpdir(), 'plancheck-bench-pane-')), 'plans-100.xlsx');
    await writeXlsx(await manySheets(FIXTURE, 100), file);
    const m = await measureCheck(browser, file, { width: 1200, timeoutMs: 600_000 });
    rows.push({ part: 'pane', sheets: 100, ...m, longTasks: undefined, tasks: m.longTasks.length });
    report(m, '100 sheets, 900 findings (.xlsx)');
  } finally {
    await browser.close();
  }
}

(async () => {
  table.push('| part | size | time / syncs | per row / bytes | heap / rejections |', '|---|---|---|---|---|');
  if (PARTS.has('engine')) await engine();
  if (PARTS.has('office')) await office();
  if (PARTS.has('live')) await live();
  if (PARTS.has('cli')) {
    await cli();
    await cliBatch(line, rows, RUNS);
    await cliFixRss(line, rows);
  }
  if (PARTS.has('patch')) await patch();
  if (PARTS.has('pane')) await pane();
  const rss = process.resourceUsage().maxRSS / 1024;
  line(['process', 'peak RSS', `${rss.toFixed(0)} MB`, '', '']);
  const machine = `${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, Node ${process.version}`;
  console.log(`${machine}\n\n${table.join('\n')}`);
  writeFileSync('bench.json', `${JSON.stringify({ machine, rows, peakRssMB: rss }, null, 2)}\n`);
})();
