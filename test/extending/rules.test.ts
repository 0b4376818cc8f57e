/**
 * A rule is one file in src/domain/rules that exports `defineRule({ meta, check })` and one line in the registry;
 * everything else (codes, the report's enum, the pane's labels, `plancheck rules`, the README table) derives.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { RULES, RULE_CODES, RULE_META, reportSchema } from '../../src/domain';
import { finding } from '../../src/domain/rules/finding';
import { RULE_LABELS } from '../../src/taskpane/i18n/rules';
import { withRulesTable } from '../../scripts/rules-table';

const dir = `${__dirname}/../../src/domain/rules`;
const ruleFiles = readdirSync(dir).filter((f) => readFileSync(`${dir}/${f}`, 'utf8').includes('export default defineRule('));

describe('the rule registry', () => {
  it('lists every rule file, each under its own file name, each code once', () => {
    expect(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...RULE_CODES].sort());
    expect(new Set(RULE_CODES).size).toBe(RULES.length);
  });

  it('every rule describes itself in Thai and English', () => {
    for (const { meta } of RULES) {
      for (const t of [meta.title, meta.help, ...(meta.otherwise ? [meta.otherwise] : [])]) {
        expect(t.th).toMatch(/[\u0e00-\u0e7f]/);
        expect(t.en).toMatch(/[a-z]/);
      }
    }
  });

  it('the pane’s labels, the report’s codes and the README table derive from it', () => {
    expect(Object.keys(RULE_LABELS).sort()).toEqual([...RULE_CODES].sort());
    for (const code of RULE_CODES) expect(RULE_LABELS[code]).toEqual(RULE_META[code].title);
    const f = { code: 'no-such-rule', severity: 'error', sheet: 'S', cell: 'A1', row: 1, message: { th: 'ก', en: 'a' } };
    const report = (x: object) => ({ tool: { name: 'plancheck', version: '1' }, file: 'f', sheets: [], findings: [x], stats: { errors: 1, warnings: 0, infos: 0, projects: 0, budget: 0 } });
    expect(reportSchema.safeParse(report(f)).success).toBe(false);
    expect(reportSchema.safeParse(report({ ...f, code: 'row-budget-sum' })).success).toBe(true);
    const readme = readFileSync(`${__dirname}/../../README.md`, 'utf8');
    expect(withRulesTable(readme)).toBe(readme);
  });

  it('a finding takes only a registered code (a misspelt code does not compile)', () => {
    const at = { sheet: 'S', cell: { row: 1, address: 'A1' } };
    // @ts-expect-error 'row-budget-sums' is not a registered code
    expect(finding('row-budget-sums', 'error', at, { th: 'ก', en: 'a' }).code).toBe('row-budget-sums');
    expect(finding('row-budget-sum', 'error', at, { th: 'ก', en: 'a' }).code).toBe('row-budget-sum');
  });
});

describe('plancheck rules', () => {
  it('lists every registered rule in the chosen language', async () => {
    const { run } = await import('../../src/cli/main');
    for (const lang of ['th', 'en'] as const) {
      let out = '';
      expect(await run(['rules', '--lang', lang], { stdout: (s) => (out += s), stderr: () => undefined })).toBe(0);
      const lines = out.trim().split('\n');
      expect(lines.map((l) => l.split(/\s+/)[0])).toEqual([...RULE_CODES]);
      for (const { meta } of RULES) expect(out).toContain(meta.title[lang]);
    }
  });
});
