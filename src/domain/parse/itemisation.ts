import type { PlanTable, Project } from '../model';
import { amountValue, compareKey } from '../thai';

const agencyKey = (p: Project): string => (p.agency ? compareKey(p.agency.value) : '');
const money = (p: Project): number => (p.budget ? amountValue(p.budget.value) ?? 0 : 0);
const same = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/**
 * Decides, by evidence, which unnumbered rows under a numbered project break its amount down. While reading, every
 * unnumbered money row after a numbered project (up to a heading, a total or a status row) is a candidate; here:
 * - a money row of another agency than the project's ends the breakdown: it and the rows after it are projects;
 * - under a project with an amount of its own, the breakdown is the shortest run of candidates that adds up to it,
 *   and the candidates after it are projects ('separate'); when no run adds up, the rows stay a breakdown that does
 *   not add up ('itemisation-unconfirmed', which itemisation-mismatch reports);
 * - under a project without an amount, the candidates are its breakdown (its amount is their sum).
 */
export function settleItemisations(table: PlanTable): void {
  for (const p of table.projects) {
    if (p.children.length === 0) continue;
    const kids = p.children.map((i) => table.projects[i] as Project);
    const own = agencyKey(p);
    // Another agency's money row is that agency's project (a parent listing several agencies covers each of them).
    const other = (q: Project): boolean => agencyKey(q) !== '' && !own.includes(agencyKey(q)) && money(q) > 0;
    let keep = own === '' ? -1 : kids.findIndex(other);
    if (keep < 0) keep = kids.length;
    const stated = money(p);
    let reading: 'itemisation' | 'itemisation-unconfirmed' = 'itemisation';
    if (stated !== 0 && keep > 0) {
      let sum = 0;
      let fit = -1;
      for (let k = 0; k < keep; k++) {
        sum += money(kids[k] as Project);
        if (same(sum, stated)) {
          fit = k + 1;
          break;
        }
      }
      if (fit < 0) reading = 'itemisation-unconfirmed';
      else keep = fit;
    }
    kids.forEach((q, k) => {
      if (k < keep) q.reading = reading;
      else {
        q.parent = null;
        q.reading = 'separate';
      }
    });
    p.children = p.children.slice(0, keep);
  }
  for (const q of table.projects) {
    if (table.numbered && q.number === null && q.parent === null && q.reading === undefined) q.reading = 'orphan';
  }
}
