import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyze } from '../../src/domain/analyze';
import { readXlsx } from '../../src/workbook/xlsx/read';

const DOMAIN = resolve(__dirname, '../../src/domain');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));

describe('the domain stays pure', () => {
  it.each(files(DOMAIN).map((f) => [relative(DOMAIN, f), f]))('%s imports only the domain and zod', (_name, file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1] as string);
    for (const i of imports) {
      if (i === 'zod') continue;
      expect(i.startsWith('.')).toBe(true);
      expect(resolve(file, '..', i).startsWith(DOMAIN)).toBe(true);
    }
  });

  it('analyze() gives byte-identical output for the same input', async () => {
    const snap = await readXlsx(join(__dirname, '..', 'fixtures', 'phetchaburi-2566.xlsx'));
    expect(JSON.stringify(analyze(snap))).toBe(JSON.stringify(analyze(structuredClone(snap))));
  });
});
