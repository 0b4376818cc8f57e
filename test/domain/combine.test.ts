import { combineDigests, type SummaryDigest } from '../../src/domain';

const stats = { errors: 0, warnings: 0, infos: 0, projects: 0, budget: 0 };
const digest = (over: Partial<SummaryDigest>): SummaryDigest => ({
  period: '2566-2570',
  typed: true,
  agencies: [],
  goals: [],
  quarters: { split: true, rows: [1, 2, 3, 4].map((quarter) => ({ quarter, budget: 0, activeBudget: 0, active: 0 })) },
  findings: [],
  stats,
  ...over,
});

describe('combineDigests: several workbooks\' summary figures added up', () => {
  it('one agency in two workbooks is one row with both files; its spelling with the fewest wrap spaces', () => {
    const a = digest({ agencies: [{ key: 'สนง.คลัง', name: 'สนง. คลัง', integrated: 10, own: 5, total: 15, count: 2 }, { key: '', name: '', integrated: 0, own: 7, total: 7, count: 1 }] });
    const b = digest({ agencies: [{ key: 'สนง.คลัง', name: 'สนง.คลัง', integrated: 1, own: 2, total: 3, count: 1 }, { key: 'อื่น', name: 'อื่น', integrated: 0, own: 4, total: 4, count: 1 }] });
    const c = combineDigests([{ file: 'a.xlsx', digest: a }, { file: 'b.xlsx', digest: b }]);
    expect(c.agencies).toEqual([
      { key: 'สนง.คลัง', name: 'สนง.คลัง', files: ['a.xlsx', 'b.xlsx'], integrated: 11, own: 7, total: 18, count: 3 },
      { key: 'อื่น', name: 'อื่น', files: ['b.xlsx'], integrated: 0, own: 4, total: 4, count: 1 },
      // Projects without a readable agency stay apart per file, last.
      { key: '', name: '', files: ['a.xlsx'], integrated: 0, own: 7, total: 7, count: 1 },
    ]);
  });

  it('indicators by code in numeric order, summed; quarter budgets only from the workbooks that split them', () => {
    const ind = (code: string | null, count: number, budget: number) => ({ code, th: `ตัวชี้วัด ${code}`, en: `indicator ${code}`, count, budget });
    const a = digest({ goals: [{ code: '1', th: 'เป้าหมาย 1', en: 'goal 1', indicators: [ind('1.9', 1, 100), ind(null, 1, 5)] }] });
    const b = digest({
      goals: [
        { code: '2', th: 'เป้าหมาย 2', en: 'goal 2', indicators: [ind('2.1', 2, 20)] },
        { code: '1', th: 'เป้าหมาย 1', en: 'goal 1', indicators: [ind('1.10', 3, 30), ind('1.9', 1, 1)] },
      ],
      quarters: { split: false, rows: [1, 2, 3, 4].map((quarter) => ({ quarter, budget: null, activeBudget: 50, active: 1 })) },
    });
    const c = combineDigests([{ file: 'a.xlsx', digest: { ...a, quarters: { split: true, rows: a.quarters.rows.map((q) => ({ ...q, budget: 25, active: 2 })) } } }, { file: 'b.xlsx', digest: b }]);
    expect(c.goals.map((g) => [g.code, g.indicators.map((i) => [i.code, i.count, i.budget])])).toEqual([
      ['1', [['1.9', 2, 101], ['1.10', 3, 30], [null, 1, 5]]],
      ['2', [['2.1', 2, 20]]],
    ]);
    expect(c.quarters).toEqual([1, 2, 3, 4].map((quarter) => ({ quarter, split: 25, activeBudget: 50, active: 3 })));
    expect(c.files.map((f) => [f.file, f.split])).toEqual([['a.xlsx', true], ['b.xlsx', false]]);
  });
});
