/*
 * Renders printed summary sheets as the README's pictures: summarise (the CLI), print to PDF with LibreOffice, and
 * turn the first page of a sheet into a PNG (poppler's pdftoppm).
 *   npx tsx scripts/render-summary.ts                      the README's two pictures
 *   npx tsx scripts/render-summary.ts plan.xlsx out-dir    every summary sheet's first page of one plan
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { run } from '../src/cli/main';
import { convert } from './libreoffice';

/** How each summary sheet's title starts: its first printed page starts so. */
const SHEETS = {
  agency: 'สรุปงบประมาณตามหน่วยงาน',
  indicator: 'สรุปโครงการและงบประมาณตามเป้าหมายและตัวชี้วัด',
  quarter: 'สรุปรายไตรมาส',
  findings: 'ผลการตรวจแผน',
} as const;
type Sheet = keyof typeof SHEETS;

/** The README's pictures: which plan, which sheet, where. */
const README: { plan: string; sheet: Sheet; png: string }[] = [
  { plan: 'assets/samples/sample-plan.xlsx', sheet: 'indicator', png: 'docs/images/summary-indicator.png' },
  { plan: 'assets/samples/sample-plan.xlsx', sheet: 'findings', png: 'docs/images/summary-findings.png' },
];

const squash = (s: string): string => s.replace(/\s+/g, '').replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g, '');

/** Page numbers (1-based) on which each summary sheet starts. */
function firstPages(pdf: string): Map<Sheet, number> {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  const found = new Map<Sheet, number>();
  for (let p = 1; p <= pages; p++) {
    const text = squash(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }));
    for (const [sheet, title] of Object.entries(SHEETS) as [Sheet, string][]) if (!found.has(sheet) && text.startsWith(squash(title))) found.set(sheet, p);
  }
  return found;
}

function page(pdf: string, p: number, png: string, work: string): void {
  const stem = join(work, `page-${p}`);
  execFileSync('pdftoppm', ['-f', String(p), '-l', String(p), '-r', '90', '-png', '-singlefile', pdf, stem]);
  copyFileSync(`${stem}.png`, png);
  console.log(`${png} ← ${basename(pdf)} page ${p}`);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'plancheck-render-'));
  const [one, outDir] = process.argv.slice(2);
  const plans = one ? [one] : [...new Set(README.map((r) => r.plan))];
  const quiet = { stdout: () => undefined, stderr: (s: string) => void process.stderr.write(s) };
  const summaries = plans.map((plan) => join(work, `${basename(plan, '.xlsx')}.summary.xlsx`));
  for (const [i, plan] of plans.entries()) if ((await run(['summarize', plan, '-o', summaries[i]!], quiet)) !== 0) throw new Error(`summarize ${plan} failed`);
  convert(summaries, work, 'pdf', join(work, 'profile'));
  const pdfOf = (plan: string) => join(work, `${basename(plan, '.xlsx')}.summary.pdf`);
  if (one) {
    mkdirSync(outDir ?? '.', { recursive: true });
    for (const [sheet, p] of firstPages(pdfOf(one))) page(pdfOf(one), p, join(outDir ?? '.', `summary-${sheet}.png`), work);
  } else {
    for (const r of README) {
      const p = firstPages(pdfOf(r.plan)).get(r.sheet);
      if (!p) throw new Error(`${r.sheet} not printed for ${r.plan}`);
      page(pdfOf(r.plan), p, r.png, work);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
