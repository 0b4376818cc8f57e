import { analyze, analyzeParsed } from '../../../src/domain/analyze';
import { CATALOGS, choosePeriod } from '../../../src/domain/catalog';
import type { Project } from '../../../src/domain/model';
import { contentKey, hashKey } from '../../../src/domain/parse/content';
import { parseSheet } from '../../../src/domain/parse/sheet';
import { fiscalYear } from '../../../src/domain/title';
import { quarterlySheet, workbook } from '../../helpers/synthetic';

// duplicate-row groups rows by a hash of their content and compares the content itself only where hashes meet:
// the parse keeps no content key (it was ≈ 800 bytes a row for the whole analysis).
const rows = [
  { name: 'มีการประชุมสำนักงานทุกไตรมาส', totalTarget: '๓๕ คน', no: '๑' },
  { name: 'อบรมเจ้าหน้าที่เรื่องการป้องกันการทุจริต', totalTarget: '๒๐ คน', no: '๒' },
  { name: 'มีการประชุมสำนักงานทุกไตรมาส', totalTarget: '๓๕ คน', no: '๓' },
  // A "|" inside a cell: the key's pieces are no longer the cells.
  { name: 'ประชุม | อบรม เจ้าหน้าที่', totalTarget: '๑ ครั้ง', no: '๔' },
];

function parsed() {
  const wb = workbook(quarterlySheet(rows));
  const period = choosePeriod(fiscalYear(wb), CATALOGS);
  return { wb, period, sheets: wb.sheets.map((s) => parseSheet(s, period.catalog)) };
}

describe('duplicate-row by content hash', () => {
  it('the stored hash and length are those of the content key built again from the grid', () => {
    const { sheets } = parsed();
    const s = sheets[0];
    const projects = s?.model.plan?.projects ?? [];
    expect(projects).toHaveLength(4);
    for (const p of projects) {
      const key = contentKey(s!.grid, s!.extras.keyColumns, p);
      expect(key.length).toBeGreaterThan(20);
      expect(p.contentLength).toBe(key.replace(/\|/g, '').length);
      expect(hashKey(key)).toEqual({ hash: p.contentHash, length: p.contentLength });
    }
    expect(contentKey(s!.grid, s!.extras.keyColumns, projects[3]!)).toContain('ประชุม|อบรมเจ้าหน้าที่');
    expect(projects[0]!.contentHash).toBe(projects[2]!.contentHash);
    expect(projects[0]!.contentHash).not.toBe(projects[1]!.contentHash);
  });

  it('flags the copy, and not a row whose hash only happens to meet another', () => {
    expect(analyze(parsed().wb).findings.filter((f) => f.code === 'duplicate-row').map((f) => f.cell)).toEqual(['B7']);
    const { wb, period, sheets } = parsed();
    const projects = sheets[0]?.model.plan?.projects as Project[];
    // A collision: the second row gets the first row's hash and length, its content stays its own.
    projects[1] = { ...(projects[1] as Project), contentHash: projects[0]!.contentHash, contentLength: projects[0]!.contentLength };
    const found = analyzeParsed(wb, sheets, period).findings.filter((f) => f.code === 'duplicate-row');
    expect(found.map((f) => `${f.cell}:${f.message.en}`)).toEqual(['B7:This row repeats row 5 in every cell except the number']);
  });
});
