import type { PlanTable, Project } from '../model';
import type { RuleContext } from './define';

export type { RuleContext } from './define';

/** Every project of every plan table, with its sheet (a list, not a generator: a dozen rules walk it per row). */
export function allProjects(ctx: RuleContext): { sheet: string; plan: PlanTable; project: Project; index: number }[] {
  const out: { sheet: string; plan: PlanTable; project: Project; index: number }[] = [];
  for (const s of ctx.sheets) {
    const plan = s.model.plan;
    if (!plan) continue;
    for (let index = 0; index < plan.projects.length; index++) {
      out.push({ sheet: s.model.name, plan, project: plan.projects[index] as Project, index });
    }
  }
  return out;
}

/** The addresses of a figure's cells on their own sheet, or "Sheet!A1" for another sheet's. */
export function addressesOf(cells: readonly { sheet: string; cell: { address: string } }[], from?: string): string[] {
  return cells.map((c) => (from === undefined || c.sheet === from ? c.cell.address : `${c.sheet}!${c.cell.address}`));
}
