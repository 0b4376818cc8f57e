/**
 * The CLI's batch rows of `npm run bench` (called by analyze.bench.ts, into its one table): `check --summary` over N
 * agencies' workbooks, `summarize --combine` over the same files in worker threads and in one thread, and the peak
 * RSS of `fix` on a 50,000-project plan (a child process of its own, so its figure is not this process's).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultWorkers } from '../src/cli/combine/pool';
import { writePlanFile } from './plan-file';

const FILES = Number(process.env.BENCH_CLI_FILES ?? 8);
const PROJECTS = Number(process.env.BENCH_CLI_PROJECTS ?? 5000);
const FIX_PROJECTS = Number(process.env.BENCH_FIX_PROJECTS ?? 50_000);
/** The installed program (compiled by `npm run build:cli`, which `npm run bench` runs first): what a user runs. */
const BIN = join(__dirname, '..', 'bin', 'plancheck.cjs');

function plancheck(args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`plancheck ${args[0]} exited ${r.status}: ${r.stderr}`);
}

type Line = (cells: (string | number)[]) => void;

export async function cliBatch(line: Line, rows: Record<string, unknown>[], runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-bench-batch-'));
  const first = join(dir, 'agency-01.xlsx');
  await writePlanFile(PROJECTS, first);
  const files = [first];
  for (let k = 2; k <= FILES; k++) {
    const f = join(dir, `agency-${String(k).padStart(2, '0')}.xlsx`);
    copyFileSync(first, f);
    files.push(f);
  }
  const best = async (f: () => Promise<unknown>): Promise<number> => {
    const ts: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await f();
      ts.push(performance.now() - t);
    }
    return Math.min(...ts);
  };
  const size = `${FILES} files × ${PROJECTS.toLocaleString('en')} projects`;
  const check = await best(async () => plancheck(['check', dir, '--summary']));
  rows.push({ part: 'cli-check-files', files: FILES, projects: PROJECTS, ms: check });
  line(['CLI check --summary', size, `${check.toFixed(0)} ms`, `${(check / FILES).toFixed(0)} ms/file`, '']);
  const workers = Math.min(FILES, defaultWorkers());
  const out = join(dir, 'province.xlsx');
  const combine = (n: number) => best(async () => plancheck(['summarize', '--combine', dir, '-o', out, '--force'], { PLANCHECK_WORKERS: String(n) }));
  const threaded = await combine(workers);
  const alone = await combine(0);
  rows.push({ part: 'cli-combine', files: FILES, projects: PROJECTS, workers, workersMs: threaded, oneThreadMs: alone });
  line(['CLI summarize --combine', size, `${threaded.toFixed(0)} ms (${workers} workers)`, `one thread ${alone.toFixed(0)} ms`, `×${(alone / threaded).toFixed(2)}`]);
}

/** Peak RSS of `plancheck fix` on one large plan, in a child process (the file is read once since issue 12). */
export async function cliFixRss(line: Line, rows: Record<string, unknown>[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-bench-fix-'));
  const file = join(dir, 'plan.xlsx');
  await writePlanFile(FIX_PROJECTS, file);
  const script = `const { run } = require(${JSON.stringify(join(__dirname, '..', 'src', 'cli', 'main.ts'))});
run(['fix', ${JSON.stringify(file)}, '-o', ${JSON.stringify(join(dir, 'fixed.xlsx'))}], { stdout: () => {}, stderr: (s) => process.stderr.write(s) })
  .then((code) => process.stdout.write(JSON.stringify({ code, rss: process.resourceUsage().maxRSS })));`;
  const t = performance.now();
  const child = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const ms = performance.now() - t;
  const { code, rss } = JSON.parse(child.stdout) as { code: number; rss: number };
  if (code !== 0) throw new Error(`fix exited ${code}: ${child.stderr}`);
  rows.push({ part: 'cli-fix', projects: FIX_PROJECTS, ms, peakRssMB: rss / 1024 });
  line(['CLI fix (child process)', `${FIX_PROJECTS.toLocaleString('en')} projects (.xlsx)`, `${ms.toFixed(0)} ms`, `peak RSS ${(rss / 1024).toFixed(0)} MB`, '']);
}
