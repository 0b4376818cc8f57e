import { type Report, money } from '../domain';
import { T, type Lang } from './i18n';
import { escapeField } from './safe-text';

/**
 * The human-readable report: grouped by sheet, one line per finding. Sheet names, file names and messages quote
 * the workbook's own text, so each is shown with its control characters made visible (see safe-text.ts).
 */
export function formatText(report: Report, lang: Lang): string {
  const t = T[lang];
  const lines = [t.header(report.tool.version, escapeField(report.file))];
  for (const sheet of report.sheets) {
    lines.push('', t.sheet(escapeField(sheet.name), sheet.family, sheet.projects));
    const findings = report.findings.filter((f) => f.sheet === sheet.name);
    if (findings.length === 0) lines.push(t.none);
    for (const f of findings) {
      lines.push(`  ${t.severity[f.severity].padEnd(12)} ${escapeField(f.cell).padEnd(6)} ${escapeField(f.message[lang])}  [${f.code}]`);
    }
  }
  const s = report.stats;
  lines.push('', t.totals(s.errors, s.warnings, s.infos, s.projects, money(s.budget)));
  return `${lines.join('\n')}\n`;
}
