/**
 * `npm run bench`: one table, and bench.json. analyze() on realistic plans grown from the Chiang Mai rows
 * (bench/realistic.ts) at 1k–200k rows (best of a few runs: the machine is shared), the office adapter against the
 * FakeExcel (syncs, bytes, rejections for check + mark, and a re-read), the CLI's read + check against a plain
 * exceljs read of the same file, the CLI over several files (bench/cli.bench.ts), and the process's peak RSS.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { analyze, planMarks } from '../src/domain';
import { OfficeHost } from '../src/workbook/office/host';
import { jsonBytes } from '../src/workbook/office/read-plan';
import { readXlsx } from '../src/workbook/xlsx/read';
import { FakeExcel } from '../test/fakes/fake-excel';
import { cliBatch, cliFixRss } from './cli.bench';
import { realisticPlan } from './realistic';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000,100000,200000').split(',').map(Number);
const rows: Record<string, unknown>[] = [];
const table: string[] = [];
const line = (cells: (string | number)[]): void => void table.push(`| ${cells.join(' | ')} |`);

async function engine(): Promise<void> {
  for (const n of SIZES) {
    const plan = await realisticPlan(n);
    global.gc?.();
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    const times: number[] = [];
    for (let i = 0; i < (n >= 100_000 ? 1 : RUNS); i++) {
      const t = performance.now();
      const a = analyze(plan.snapshot);
      times.push(performance.now() - t);
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      if (a.stats.projects === 0) throw new Error('no projects');
    }
    const ms = Math.min(...times);
    rows.push({ part: 'analyze', projects: n, sheetRows: plan.rows, ms, usPerRow: (ms * 1000) / n, heapMB: peak / 1e6 });
    line(['analyze', `${n.toLocaleString('en')} projects (${plan.rows.toLocaleString('en')} rows)`, `${ms.toFixed(0)} ms`, `${((ms * 1000) / n).toFixed(1)} µs/row`, `heap +${(peak / 1e6).toFixed(0)} MB`]);
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

(async () => {
  table.push('| part | size | time / syncs | per row / bytes | heap / rejections |', '|---|---|---|---|---|');
  await engine();
  await office();
  await cli();
  await cliBatch(line, rows, RUNS);
  await cliFixRss(line, rows);
  const rss = process.resourceUsage().maxRSS / 1024;
  line(['process', 'peak RSS', `${rss.toFixed(0)} MB`, '', '']);
  const machine = `${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, Node ${process.version}`;
  console.log(`${machine}\n\n${table.join('\n')}`);
  writeFileSync('bench.json', `${JSON.stringify({ machine, rows, peakRssMB: rss }, null, 2)}\n`);
})();
