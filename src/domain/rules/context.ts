import type { Catalog } from '../catalog';
import type { PlanTable, Project } from '../model';
import type { ParsedSheet } from '../parse/sheet';
import { planItems, type PlanItem } from '../totals/items';
import type { Finding } from './finding';

/** One top-level project of the workbook with what it counts for in the totals. */
export type DetailItem = PlanItem;

export interface RuleContext {
  sheets: ParsedSheet[];
  catalog: Catalog;
  detail: DetailItem[];
}

export type Rule = (ctx: RuleContext) => Finding[];

export function buildDetail(sheets: ParsedSheet[]): DetailItem[] {
  return planItems(sheets.map((s) => s.model));
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
