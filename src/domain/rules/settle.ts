import type { ParsedSheet } from '../parse/sheet';
import type { Finding, Severity } from './finding';
import type { RuleCode } from './index';

/** Row warnings that only mean something when the sheet's layout was read with confidence. */
const FOLDED_WHEN_UNSURE: ReadonlySet<RuleCode> = new Set<RuleCode>(['numbering-gap', 'numbering-duplicate', 'itemisation-mismatch']);
/** Errors that compare totals with sums whose scope depends on how the rows were read. */
const DEPENDS_ON_READING: ReadonlySet<RuleCode> = new Set<RuleCode>(['subtotal-mismatch', 'count-mismatch']);

/** More findings of one code on one sheet than this are shown as one group (its count and cells). */
export const GROUP_AFTER = 10;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Severity by certainty, applied after the rules ran (in row order): on a sheet read with doubt (reading-unsure)
 * the per-row numbering and itemisation warnings are left to that one finding, and on any sheet whose reading
 * has doubtful rows (unconfirmed breakdowns, rows that fit nothing) totals that depend on the reading are
 * warnings. Then the findings of one code on one sheet beyond a handful become one group.
 */
export function settleFindings(findings: Finding[], sheets: readonly ParsedSheet[]): Finding[] {
  const unsure = new Set<string>();
  const doubtful = new Set<string>();
  for (const s of sheets) {
    const r = s.model.plan?.reading;
    if (!r) continue;
    if (r.certainty === 'unsure') unsure.add(s.model.name);
    if (r.certainty === 'unsure' || r.unconfirmedItemisations > 0 || r.notUnderstood.length > 0) doubtful.add(s.model.name);
  }
  if (unsure.size === 0 && doubtful.size === 0) return groupFindings(findings);
  const settled: Finding[] = [];
  for (const f of findings) {
    if (unsure.has(f.sheet) && FOLDED_WHEN_UNSURE.has(f.code)) continue;
    settled.push(f.severity === 'error' && doubtful.has(f.sheet) && DEPENDS_ON_READING.has(f.code) ? { ...f, severity: 'warning' as const } : f);
  }
  return groupFindings(settled);
}

/** One finding per (sheet, code) with more than GROUP_AFTER: the first, with the others' cells and the count. */
export function groupFindings(findings: Finding[]): Finding[] {
  // Lists by sheet, then code (no key strings: a re-check groups every finding per edit); each finding's list kept.
  const bySheet = new Map<string, Map<string, Finding[]>>();
  const listOf: Finding[][] = new Array<Finding[]>(findings.length);
  let grouped = false;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    let byCode = bySheet.get(f.sheet);
    if (!byCode) bySheet.set(f.sheet, (byCode = new Map()));
    let list = byCode.get(f.code);
    if (!list) byCode.set(f.code, (list = []));
    list.push(f);
    if (list.length > GROUP_AFTER) grouped = true;
    listOf[i] = list;
  }
  if (!grouped) return findings.slice();
  const out: Finding[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    const list = listOf[i] as Finding[];
    if (list.length <= GROUP_AFTER) {
      out.push(f);
      continue;
    }
    if (list[0] !== f) continue;
    const more = list.length - 1;
    let severity = f.severity;
    for (const x of list) if (RANK[x.severity] < RANK[severity]) severity = x.severity;
    const cells = new Set<string>();
    for (let k = 1; k < list.length; k++) cells.add((list[k] as Finding).cell);
    out.push({
      ...f,
      severity,
      related: [...cells],
      count: list.length,
      message: { th: `${f.message.th} (และอีก ${more} แห่งในชีตนี้)`, en: `${f.message.en} (and ${more} more on this sheet)` },
    });
  }
  return out;
}
