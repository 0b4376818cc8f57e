/**
 * The package reader against the exceljs reader it replaced, on the same synthetic quarterly plans of 10,000
 * and 50,000 project rows (Thai text, merged headers; written to a temporary .xlsx by exceljs). Each read runs
 * in a child process of its own, so its time and peak memory (the kernel's maximum resident set size, minus
 * the process's size just before the read) are its own. Prints the median of several runs.
 * Target: the package reader faster, with at most a third of the memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../src/workbook/snapshot';
import { readWorkbookPackage } from '../src/workbook/xlsx/package';
import { readWithExceljs } from '../test/helpers/exceljs-snapshot';
import { syntheticPlan } from '../test/helpers/synthetic';

const SIZES = [10_000, 50_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const READERS = ['package', 'exceljs'] as const;
type Reader = (typeof READERS)[number];

interface Measure {
  ms: number;
  /** Peak resident set size of the process, MB. */
  peakMB: number;
  /** Peak minus the size just before the read: what the read itself took, MB. */
  readMB: number;
  /** Non-empty values read: both readers must agree. */
  values: number;
}

const countValues = (s: WorkbookSnapshot): number => s.sheets.reduce((n, sh) => n + sh.values.reduce((m, r) => m + r.filter((v) => v !== null).length, 0), 0);

async function child(reader: Reader, file: string): Promise<void> {
  const bytes = readFileSync(file);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const snapshot = reader === 'package' ? readWorkbookPackage(bytes).snapshot : await readWithExceljs(bytes);
  const ms = performance.now() - t0;
  const peak = process.resourceUsage().maxRSS * 1024;
  const out: Measure = { ms, peakMB: peak / 2 ** 20, readMB: (peak - before) / 2 ** 20, values: countValues(snapshot) };
  process.stdout.write(JSON.stringify(out));
}

async function writePlan(rows: number, file: string): Promise<void> {
  const snap = syntheticPlan(rows);
  const wb = new ExcelJS.Workbook();
  for (const s of snap.sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRows(s.values);
    for (const m of s.merges) ws.mergeCells(m);
  }
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

function measure(reader: Reader, file: string): Measure {
  const r = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', __filename, '--child', reader, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${reader} on ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Measure;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-bench-read-'));
  for (const rows of SIZES) {
    const file = join(dir, `plan-${rows}.xlsx`);
    await writePlan(rows, file);
    const result: Partial<Record<Reader, Measure>> = {};
    for (const reader of READERS) {
      const runs = Array.from({ length: RUNS }, () => measure(reader, file));
      result[reader] = { ms: median(runs.map((m) => m.ms)), peakMB: median(runs.map((m) => m.peakMB)), readMB: median(runs.map((m) => m.readMB)), values: runs[0]?.values ?? 0 };
    }
    const p = result.package as Measure;
    const e = result.exceljs as Measure;
    const size = (readFileSync(file).length / 2 ** 20).toFixed(1);
    console.log(`${rows.toLocaleString('en-US')} rows (${size} MB .xlsx, ${p.values.toLocaleString('en-US')} values), median of ${RUNS}:`);
    for (const [name, m] of [['package', p], ['exceljs', e]] as const) {
      console.log(`  ${name.padEnd(8)} ${m.ms.toFixed(0).padStart(6)} ms   peak RSS ${m.peakMB.toFixed(0).padStart(5)} MB   read ${m.readMB.toFixed(0).padStart(5)} MB`);
    }
    if (p.values !== e.values) console.log(`  readers disagree: ${p.values} vs ${e.values} values`);
    const faster = p.ms < e.ms;
    const third = p.readMB <= e.readMB / 3;
    console.log(`  ×${(e.ms / p.ms).toFixed(1)} faster (${faster ? 'met' : 'NOT met'}), ${((100 * p.readMB) / e.readMB).toFixed(0)}% of the memory (≤ 33%: ${third ? 'met' : 'NOT met'})`);
  }
}

if (process.argv[2] === '--child') void child(process.argv[3] as Reader, process.argv[4] as string);
else void main();
