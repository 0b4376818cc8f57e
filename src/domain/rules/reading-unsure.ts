import { cellRef } from '../base/cells';
import { defineRule } from './define';

const SCHEME_TH = { agency: 'ต่อหน่วยงาน', indicator: 'ต่อตัวชี้วัด', goal: 'ต่อเป้าหมาย', plan: 'ต่อเนื่องทั้งแผน' } as const;
const SCHEME_EN = { agency: 'per agency', indicator: 'per indicator', goal: 'per goal', plan: 'continuously' } as const;

/**
 * One finding for a sheet whose layout could not be read with confidence, instead of a warning on every row:
 * the numbering fits no scheme well, or many rows fit no reading. The rows' own numbering and itemisation
 * warnings are folded into it, and totals that depend on the reading are warnings, not errors (rules/settle.ts).
 */
export default defineRule({
  meta: {
    code: 'reading-unsure',
    severity: 'warning',
    title: { th: 'อ่านรูปแบบตารางไม่แน่ใจ', en: 'Layout read with doubt' },
    help: {
      th: 'ชีตที่ลำดับที่ไม่เข้ากับรูปแบบการนับใด หรือมีหลายแถวที่อ่านไม่ออก: แจ้งครั้งเดียวต่อชีตแทนคำเตือนทุกแถว',
      en: 'a sheet whose numbering fits no scheme or with many rows that fit nothing: one finding for the sheet instead of a warning per row',
    },
  },
  check(ctx, report) {
    for (const s of ctx.sheets) {
      const plan = s.model.plan;
      const r = plan?.reading;
      if (!plan || !r || r.certainty !== 'unsure') continue;
      const th: string[] = [];
      const en: string[] = [];
      if (r.numbering && r.numberingFit < 1) {
        const share = Math.round(r.numberingFit * 100);
        th.push(`ลำดับที่เข้ากับการนับ${SCHEME_TH[r.numbering]}เพียงร้อยละ ${share}`);
        en.push(`only ${share}% of the numbers follow on when counted ${SCHEME_EN[r.numbering]}`);
      }
      if (r.notUnderstood.length > 0) {
        const rows = r.notUnderstood.slice(0, 10).join(', ') + (r.notUnderstood.length > 10 ? ', …' : '');
        th.push(`${r.notUnderstood.length} แถวอ่านไม่ออก (แถว ${rows})`);
        en.push(`${r.notUnderstood.length} rows fit no reading (rows ${rows})`);
      }
      const row = plan.columns.headerRows[0] ?? s.grid.firstRow;
      report({ sheet: s.model.name, cell: cellRef(row, plan.columns.firstCol) }, {
        th: `อ่านรูปแบบตารางในชีตนี้ได้ไม่แน่ใจ: ${th.join('; ')} จึงไม่แจ้งลำดับที่ทีละแถว และผลรวมที่ขึ้นกับการอ่านแจ้งเป็นคำเตือน`,
        en: `This sheet's layout could not be read with confidence: ${en.join('; ')}. Numbering is not reported row by row, and totals that depend on the reading are warnings`,
      }, { related: r.notUnderstood.slice(0, 50).map((n) => cellRef(n, plan.columns.firstCol).address) });
    }
  },
});
