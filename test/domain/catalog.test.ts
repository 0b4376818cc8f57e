import { analyze } from '../../src/domain/analyze';
import { buildCatalog, CATALOG_2566_2570, catalogSchema } from '../../src/domain/catalog';
import data from '../../src/domain/catalog/plan-2566-2570.json';
import { quarterlySheet, workbook } from '../helpers/synthetic';

describe('the national indicator catalog', () => {
  it('holds sub-plans, goals ๑–๓ and the ten indicators of 2566–2570', () => {
    expect(CATALOG_2566_2570.data.subPlans.map((s) => s.id)).toEqual(['prevention', 'suppression']);
    expect(CATALOG_2566_2570.data.goals.map((g) => g.code)).toEqual(['1', '2', '3']);
    expect(CATALOG_2566_2570.indicators.map((i) => i.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.2.1', '2.2.2', '2.3', '3.1', '3.2']);
    expect(CATALOG_2566_2570.indicator('2.2')?.children).toEqual(['2.2.1', '2.2.2']);
  });

  it('rejects inconsistent data', () => {
    const broken = structuredClone(data);
    broken.indicators[0]!.goal = '9';
    expect(() => catalogSchema.parse(broken)).toThrow(/unknown goal 9/);
  });

  it('another plan period is data only: a catalog with an indicator ๑.๔ accepts it', () => {
    const next = structuredClone(data);
    next.period = '2571-2575';
    next.indicators.push({ code: '1.4', goal: '1', parent: null, th: 'ตัวชี้วัดใหม่', en: 'A new indicator', variants: [] });
    const snap = workbook(quarterlySheet([{}, ['ตัวชี้วัดที่ ๑.๔ : ตัวชี้วัดใหม่'], {}]));
    expect(analyze(snap).findings.map((f) => f.code)).toContain('indicator-unknown');
    expect(analyze(snap, { catalogs: [buildCatalog(next)] }).findings.map((f) => f.code)).not.toContain('indicator-unknown');
  });
});
