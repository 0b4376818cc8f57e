/*
 * Renders the summary sheet of the demo output as the README's picture: LibreOffice → PDF → PNG.
 *   npm run demo && npx tsx scripts/render-summary.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from './libreoffice';

const work = mkdtempSync(join(tmpdir(), 'plancheck-render-'));
convert(['out/sample-plan.summary.xlsx'], work, 'pdf', join(work, 'profile'));
const pdf = join(work, 'sample-plan.summary.pdf');
const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
for (let p = 1; p <= pages; p++) {
  const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
  if (!text.startsWith('สรุปโครงการและงบประมาณตามเป้าหมายและตัวชี้วัด')) continue;
  execFileSync('pdftoppm', ['-f', String(p), '-l', String(p), '-r', '90', '-png', pdf, join(work, 'page')]);
  const png = readdirSync(work).find((f) => f.startsWith('page') && f.endsWith('.png'));
  if (png) copyFileSync(join(work, png), 'docs/images/summary-indicator.png');
  console.log(`docs/images/summary-indicator.png ← page ${p}`);
  break;
}
