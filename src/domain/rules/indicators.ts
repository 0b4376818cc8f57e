import type { RuleContext } from './define';

/** Every place a sheet names an indicator by number: indicator headings and rows of per-indicator summaries. */
export function indicatorMentions(ctx: RuleContext): { sheet: string; cell: { row: number; address: string }; code: string; text: string }[] {
  const out: { sheet: string; cell: { row: number; address: string }; code: string; text: string }[] = [];
  for (const s of ctx.sheets) {
    for (const h of s.headings) if (h.kind === 'indicator' && h.code) out.push({ sheet: s.model.name, cell: h.cell, code: h.code, text: h.text });
    for (const t of s.model.summaries) {
      if (t.kind !== 'indicator') continue;
      for (const r of t.rows) if (r.kind === 'indicator' && r.indicator) out.push({ sheet: s.model.name, cell: r.label.cell, code: r.indicator, text: r.label.value });
    }
  }
  return out;
}
