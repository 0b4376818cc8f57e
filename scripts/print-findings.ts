/* Prints the findings for a workbook: `npx tsx scripts/print-findings.ts file.xlsx [--all]`. */
import { readXlsx } from '../src/workbook/xlsx/read';
import { analyze } from '../src/domain';

async function main(): Promise<void> {
  const a = analyze(await readXlsx(process.argv[2] as string));
  const all = process.argv.includes('--all');
  for (const f of a.findings) {
    if (!all && f.severity === 'info') continue;
    console.log(`${f.severity.padEnd(7)} ${f.sheet} ${f.cell.padEnd(5)} ${f.code.padEnd(24)} ${f.message.en}`);
  }
  console.log(JSON.stringify(a.stats), JSON.stringify(a.sheets));
}
void main();
