import type { Catalog } from '../catalog';
import type { PlanTable, Project } from '../model';
import type { ParsedSheet } from '../parse/sheet';
import { compareKey } from '../thai';
import { isCounted, itemAmount } from '../totals/aggregate';
import type { Finding } from './finding';

/** One top-level project of the workbook with what it counts for in the totals. */
export interface DetailItem {
  sheet: string;
  plan: PlanTable;
  index: number;
  project: Project;
  counted: boolean;
  budget: number;
  /** งบบูรณาการ vs everything else, for the two summary columns. */
  budgetClass: 'integrated' | 'own';
  agencyKey: string;
}

export interface RuleContext {
  sheets: ParsedSheet[];
  catalog: Catalog;
  detail: DetailItem[];
}

export type Rule = (ctx: RuleContext) => Finding[];

export function buildDetail(sheets: ParsedSheet[]): DetailItem[] {
  const out: DetailItem[] = [];
  for (const s of sheets) {
    const plan = s.model.plan;
    if (!plan) continue;
    plan.projects.forEach((p, index) => {
      if (p.parent !== null) return;
      out.push({
        sheet: s.model.name,
        plan,
        index,
        project: p,
        counted: isCounted(plan, p),
        budget: itemAmount(plan, index, 'budget'),
        budgetClass: p.budgetType && compareKey(p.budgetType.value).includes('บูรณาการ') ? 'integrated' : 'own',
        agencyKey: p.agency ? compareKey(p.agency.value) : '',
      });
    });
  }
  return out;
}

/** Every project of every plan table, with its sheet. */
export function* allProjects(ctx: RuleContext): Generator<{ sheet: string; plan: PlanTable; project: Project; index: number }> {
  for (const s of ctx.sheets) {
    const plan = s.model.plan;
    if (!plan) continue;
    for (let index = 0; index < plan.projects.length; index++) {
      yield { sheet: s.model.name, plan, project: plan.projects[index] as Project, index };
    }
  }
}
