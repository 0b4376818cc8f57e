/**
 * analyze() on synthetic quarterly plans of 1,000 / 10,000 / 50,000 project rows (Thai-digit text figures,
 * a repeated header every 40 rows). Prints the median of several runs and the time per row, so growth can be
 * read as a ratio in one run. Target on the 2-core reference machine: 10,000 rows in ≤ 200 ms, linear.
 */
import { performance } from 'node:perf_hooks';
import { analyze } from '../src/domain';
import { syntheticPlan } from '../test/helpers/synthetic';

const SIZES = [1_000, 10_000, 50_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS_10K = 200;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const results: { rows: number; ms: number }[] = [];
for (const rows of SIZES) {
  const snap = syntheticPlan(rows);
  analyze(snap); // warm-up
  const times: number[] = [];
  let projects = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    projects = analyze(snap).stats.projects;
    times.push(performance.now() - t0);
  }
  if (projects !== rows) throw new Error(`expected ${rows} projects, analyze() counted ${projects}`);
  const ms = median(times);
  results.push({ rows, ms });
  console.log(`${String(rows).padStart(6)} rows: median ${ms.toFixed(1).padStart(8)} ms  (${((ms / rows) * 1000).toFixed(2)} µs/row, ${RUNS} runs)`);
}
const base = results[0] as { rows: number; ms: number };
for (const r of results.slice(1)) {
  console.log(`growth ${base.rows}→${r.rows}: ×${(r.ms / base.ms).toFixed(1)} time for ×${r.rows / base.rows} rows`);
}
const tenK = results.find((r) => r.rows === 10_000);
if (tenK) console.log(`10,000 rows: ${tenK.ms.toFixed(1)} ms (target ≤ ${TARGET_MS_10K} ms): ${tenK.ms <= TARGET_MS_10K ? 'met' : 'NOT met'}`);
