// npm run demo: checks the bundled sample plan and prints the report, then writes a fixed copy and a summarised
// copy next to it in out/. The sample itself is never changed.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const SAMPLE = 'assets/samples/sample-plan.xlsx';
const plancheck = (...args) => spawnSync(process.execPath, ['bin/plancheck.cjs', ...args], { stdio: 'inherit' }).status;

mkdirSync('out', { recursive: true });
const checked = plancheck('check', SAMPLE);
console.log('\n── fix ─────────────────────────────────────────────');
// --force: out/ is the demo's own folder, rewritten on every run.
const fixed = plancheck('fix', SAMPLE, '-o', 'out/sample-plan.fixed.xlsx', '--force');
console.log('\n── summarize ───────────────────────────────────────');
const summarized = plancheck('summarize', 'out/sample-plan.fixed.xlsx', '-o', 'out/sample-plan.summary.xlsx', '--force');
// check exits 1 when the plan has errors, which the sample has on purpose; anything else is a failure.
process.exit(checked <= 1 && fixed === 0 && summarized === 0 ? 0 : 1);
