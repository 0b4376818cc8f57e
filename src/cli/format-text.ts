import { type Report, money } from '../domain';
import { T, type Lang } from './i18n';

/** The human-readable report: grouped by sheet, one line per finding. */
export function formatText(report: Report, lang: Lang): string {
  const t = T[lang];
  const lines = [`ตรวจแผน · PlanCheck ${report.tool.version} — ${report.file}`];
  for (const sheet of report.sheets) {
    lines.push('', t.sheet(sheet.name, sheet.family, sheet.projects));
    const findings = report.findings.filter((f) => f.sheet === sheet.name);
    if (findings.length === 0) lines.push(t.none);
    for (const f of findings) {
      lines.push(`  ${t.severity[f.severity].padEnd(12)} ${f.cell.padEnd(6)} ${f.message[lang]}  [${f.code}]`);
    }
  }
  const s = report.stats;
  lines.push('', t.totals(s.errors, s.warnings, s.infos, s.projects, money(s.budget)));
  return `${lines.join('\n')}\n`;
}
