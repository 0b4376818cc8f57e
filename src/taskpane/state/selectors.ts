import { fingerprint, planMarks, type Action, type Conflict, money, type Finding, type MarkOptions, type RuleCode, type Severity } from '../../domain';
import type { Acknowledgements, SheetEdit } from '../../workbook/host';
import { RULE_LABELS } from '../i18n/rules';
import { STRINGS, type Lang, type Strings } from '../i18n/strings';
import type { PaneAnalysis } from './engine';
import { SEVERITIES, type Filters, type FixKind, type PaneState } from './reducer';

/** What the pane shows, derived from the state; pure, and cached on the identity of their inputs. */

/** Remembers the last result: the state is immutable, so equal inputs by identity give the same answer. */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A): R => {
    if (last && last.args.every((a, i) => a === args[i])) return last.value;
    const value = fn(...args);
    last = { args, value };
    return value;
  };
}

type Ack = Acknowledgements['items'][string];

export const strings = (s: PaneState): Strings => STRINGS[s.lang];
export const isBusy = (s: PaneState): boolean => s.phase === 'reading' || s.phase === 'analysing' || s.phase === 'applying';
export const ackOf = (s: PaneState, f: Finding): Ack | undefined => s.acks.items[fingerprint(f)];

const findingsOf = (s: PaneState): Finding[] => s.analysis?.findings ?? [];

const counts = memo((findings: Finding[], acks: Acknowledgements) => {
  const open: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let acknowledged = 0;
  for (const f of findings) {
    if (acks.items[fingerprint(f)]) acknowledged++;
    else open[f.severity]++;
  }
  return { open, acknowledged };
});

/** Findings by severity that are still open: acknowledged ones no longer count. */
export const openCounts = (s: PaneState): Record<Severity, number> => counts(findingsOf(s), s.acks).open;
export const acknowledgedCount = (s: PaneState): number => counts(findingsOf(s), s.acks).acknowledged;

export interface Option<K> {
  key: K;
  label: string;
  checked: boolean;
}

export const severityOptions = (s: PaneState): Option<Severity>[] =>
  SEVERITIES.map((sev) => ({ key: sev, label: strings(s).severity[sev], checked: s.filters.severities.has(sev) }));

const rules = memo((findings: Finding[], hidden: ReadonlySet<string>, lang: Lang): Option<string>[] => {
  const n = new Map<RuleCode, number>();
  for (const f of findings) n.set(f.code, (n.get(f.code) ?? 0) + 1);
  return [...n.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([code, count]) => ({ key: code, label: `${RULE_LABELS[code][lang]} (${count})`, checked: !hidden.has(code) }));
});

/** The rules present, by code, with their counts: unticking one hides its findings. */
export const ruleOptions = (s: PaneState): Option<string>[] => rules(findingsOf(s), s.filters.hiddenCodes, s.lang);

const sheets = memo((analysis: PaneAnalysis | null): { sheet: string; count: number }[] => {
  const n = new Map<string, number>();
  for (const f of analysis?.findings ?? []) n.set(f.sheet, (n.get(f.sheet) ?? 0) + 1);
  return (analysis?.sheets ?? []).flatMap((sh) => (n.has(sh.name) ? [{ sheet: sh.name, count: n.get(sh.name) ?? 0 }] : []));
});

/** Sheets that have findings, in workbook order: the sheet filter is offered when there are two or more. */
export const sheetOptions = (s: PaneState): { sheet: string; count: number }[] => sheets(s.analysis);

const visible = memo((findings: Finding[], acks: Acknowledgements, f: Filters): Finding[] =>
  findings.filter(
    (x) =>
      f.severities.has(x.severity) &&
      !f.hiddenCodes.has(x.code) &&
      (f.sheet === null || x.sheet === f.sheet) &&
      (f.showAcknowledged || !acks.items[fingerprint(x)]),
  ),
);

/** Findings under the filters: severity, rule, sheet, and whether acknowledged ones are shown. */
export const visibleFindings = (s: PaneState): Finding[] => visible(findingsOf(s), s.acks, s.filters);

export interface FindingView {
  finding: Finding;
  /** Stable within a list (one finding per rule and cell). */
  id: string;
  goTo: string;
  severity: string;
  message: string;
  /** "expected … · found …" when the finding carries both figures. */
  detail: string | null;
  /** For a group of findings (one code, many cells on the sheet): how many, and where. */
  group: string | null;
  ack: Ack | undefined;
  ackText: string | null;
  /** Its goal or indicator ("ตัวชี้วัดที่ 1.2"), shown under the message. */
  where: string;
}

/** One severity's findings (errors first), by sheet in workbook order. */
export interface SheetView {
  /** The section's key: its severity. */
  sheet: Severity;
  title: string;
  groups: { key: string; title: string; items: FindingView[] }[];
}

const show = (v: number | string): string => (typeof v === 'number' ? money(v) : v);

const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A stored day (YYYY-MM-DD, Gregorian) as the reader expects it: "21 พ.ย. 2569" (พ.ศ.) in Thai, "21 Nov 2026" in English. */
export function thaiOrIsoDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return lang === 'th' ? `${d} ${THAI_MONTHS[mo - 1] ?? ''} ${y + 543}` : `${d} ${EN_MONTHS[mo - 1] ?? ''} ${y}`;
}

const GROUP_CELLS_SHOWN = 12;
/** A group's cells: its own and the others', the first dozen, then "…". */
function groupCells(f: Finding): string {
  const cells = [f.cell, ...(f.related ?? [])];
  return cells.slice(0, GROUP_CELLS_SHOWN).join(', ') + (cells.length > GROUP_CELLS_SHOWN ? ', …' : '');
}

const view = memo((analysis: PaneAnalysis | null, shown: Finding[], acks: Acknowledgements, lang: Lang): SheetView[] => {
  if (!analysis) return [];
  const t = STRINGS[lang];
  const item = (f: Finding, where: string): FindingView => {
    const ack = acks.items[fingerprint(f)];
    return {
      finding: f,
      id: `${f.code}|${f.cell}`,
      goTo: t.goTo(f.cell),
      severity: t.severity[f.severity],
      message: f.message[lang],
      detail: f.expected !== undefined && f.actual !== undefined ? t.expectedActual(show(f.expected), show(f.actual)) : null,
      group: f.count ? t.groupOf(f.count, groupCells(f)) : null,
      ack,
      ackText: ack ? t.ackBy(ack.reason, thaiOrIsoDate(ack.at, lang)) : null,
      where,
    };
  };
  // Reviewers look for errors first: a section per severity, and in each the sheets in workbook order (the
  // goal/indicator order within a sheet is kept from groupFindings).
  // The groups hold every finding (computed once where the plan model is); the filters keep a subset of them.
  const keep = new Set(shown);
  const bySheet = analysis.groups.map((sheet) => ({ sheet: sheet.sheet, groups: sheet.groups.map((g) => ({ ...g, findings: g.findings.filter((f) => keep.has(f)) })) }));
  return SEVERITIES.flatMap((severity) => {
    const groups = bySheet.flatMap((sheet) => {
      const items = sheet.groups.flatMap((g) => g.findings.filter((f) => f.severity === severity).map((f) => item(f, t.group(g.goal, g.indicator))));
      return items.length > 0 ? [{ key: sheet.sheet, title: t.sheet(sheet.sheet, items.length), items }] : [];
    });
    const n = groups.reduce((k, g) => k + g.items.length, 0);
    return n > 0 ? [{ sheet: severity, title: t.section(severity, n), groups }] : [];
  });
});

/** Open findings per sheet (workbook order), for the summary at the top; clicking one shows that sheet only. */
export const sheetCounts = memo((analysis: PaneAnalysis | null, acks: Acknowledgements, lang: Lang): { sheet: string; counts: Record<Severity, number>; text: string }[] => {
  if (!analysis) return [];
  const t = STRINGS[lang];
  // One pass over the findings (a workbook of 100 sheets and 900 findings would otherwise scan them per sheet).
  const open = new Map<string, Record<Severity, number>>();
  for (const f of analysis.findings) {
    if (acks.items[fingerprint(f)]) continue;
    let n = open.get(f.sheet);
    if (!n) open.set(f.sheet, (n = { error: 0, warning: 0, info: 0 }));
    n[f.severity]++;
  }
  return analysis.sheets.flatMap((sh) => {
    const counts = open.get(sh.name);
    if (!counts) return [];
    const parts = SEVERITIES.filter((sev) => counts[sev] > 0).map((sev) => t.count(sev, counts[sev]));
    return [{ sheet: sh.name, counts, text: `${sh.name}: ${parts.join(' · ')}` }];
  });
});
export const sheetSummary = (s: PaneState) => sheetCounts(s.analysis, s.acks, s.lang);

/** The visible findings by severity, then sheet (goal/indicator order kept, src/domain/groups.ts), with every text they show. */
export const findingsView = (s: PaneState): SheetView[] => view(s.analysis, visibleFindings(s), s.acks, s.lang);

/** One row of the virtualised findings list: a severity's heading, a sheet's heading, or a finding. */
export type ListRow =
  | { kind: 'section'; key: string; severity: Severity; title: string }
  | { kind: 'sheet'; key: string; title: string }
  | { kind: 'item'; key: string; item: FindingView };

/** The findings view as one flat list of rows; a closed section keeps only its heading. */
export function listRows(sections: SheetView[], closed: ReadonlySet<Severity>): ListRow[] {
  const rows: ListRow[] = [];
  for (const sec of sections) {
    rows.push({ kind: 'section', key: `s:${sec.sheet}`, severity: sec.sheet, title: sec.title });
    if (closed.has(sec.sheet)) continue;
    for (const g of sec.groups) {
      rows.push({ kind: 'sheet', key: `g:${sec.sheet}:${g.key}`, title: g.title });
      for (const item of g.items) rows.push({ kind: 'item', key: `i:${g.key}:${item.id}`, item });
    }
  }
  return rows;
}

/** What the list area shows. */
export function listView(s: PaneState): 'nothing-yet' | 'no-findings' | 'none-match' | 'list' {
  if (!s.analysis) return 'nothing-yet';
  if (s.analysis.findings.length === 0) return 'no-findings';
  return visibleFindings(s).length === 0 ? 'none-match' : 'list';
}

/** The line under the toolbar: reading progress, writing, a live re-check, or when the last one finished. */
export function statusText(s: PaneState): string {
  const t = strings(s);
  if (s.phase === 'reading') return s.progress !== null && s.progress > 0 && s.progress < 1 ? t.readProgress(Math.round(s.progress * 100)) : t.checking;
  if (s.phase === 'analysing') return t.analyzing;
  if (s.phase === 'applying') return t.applying;
  if (s.live.running) return t.analyzing;
  return s.live.at ? t.liveUpdated(s.live.at) : '';
}

/** The progress bar's value while busy: the share read, or undefined for an indeterminate bar. */
export const progressValue = (s: PaneState): number | undefined => (s.phase === 'reading' && s.progress ? s.progress : undefined);

/** One line per plan sheet: how its layout was read (family, numbering, itemisations, listed projects, doubt). */
export function readingLines(analysis: Pick<PaneAnalysis, 'sheets'>, t: Strings): string[] {
  return analysis.sheets.flatMap((sh) => {
    const r = sh.reading;
    if (!r) return [];
    return [t.reading({
      sheet: sh.name, family: sh.family, numbering: r.numbering, numberSource: r.numberSource, itemisations: r.itemisations,
      multiProjectCells: r.multiProjectCells, notUnderstood: r.notUnderstood.length, unsure: r.certainty === 'unsure',
    })];
  });
}

const summary = memo((analysis: PaneAnalysis, open: Record<Severity, number>, lang: Lang) => {
  const t = STRINGS[lang];
  return {
    counts: SEVERITIES.map((sev) => ({ severity: sev, count: open[sev], text: `${t.severity[sev]} ${open[sev]}` })),
    projects: t.projects(analysis.stats.projects, money(analysis.stats.budget)),
    sheets: readingLines(analysis, t),
  };
});

/** The counts line: open findings by severity, then projects and budget, then how each plan sheet was read. */
export function summaryView(s: PaneState): { counts: { severity: Severity; count: number; text: string }[]; projects: string; sheets: string[] } | null {
  return s.analysis ? summary(s.analysis, openCounts(s), s.lang) : null;
}

/**
 * A long list shown in part (the per-sheet counts, the reading lines of a workbook of many sheets): the first
 * `limit`, and the one the reviewer chose wherever it is; all when opened. Drawing a hundred of them at once is
 * most of the layout of a checked pane.
 */
export function shownPart<T>(items: readonly T[], limit: number, open: boolean, keep: (x: T) => boolean = () => false): { shown: T[]; hidden: number } {
  // One more than the limit is shown rather than a button saying "1 more".
  if (open || items.length <= limit + 1) return { shown: [...items], hidden: 0 };
  const shown = items.filter((x, i) => i < limit || keep(x));
  return { shown, hidden: items.length - shown.length };
}

/** The explanations switch: off and saying why when this host cannot write them. */
export function notesSwitch(s: PaneState, canExplain: boolean): { label: string; checked: boolean; disabled: boolean } {
  const t = strings(s);
  return { label: canExplain ? t.notes : `${t.notes} (${t.notesUnavailable})`, checked: s.notes && canExplain, disabled: !canExplain || isBusy(s) };
}

/** Which analysis to mark (null: only clear ours) and how: acknowledged findings left out, explanations when on. */
export function markRequest(s: PaneState, canExplain: boolean): { analysis: PaneAnalysis | null; options: MarkOptions } {
  return { analysis: s.marks ? s.analysis : null, options: { acknowledged: new Set(Object.keys(s.acks.items)), notes: s.notes && canExplain, lang: s.lang } };
}

/** What to write for the marks as they should now be: ours cleared, then open findings marked (and explained). */
export function markActions(s: PaneState, canExplain: boolean): Action[] {
  const { analysis, options } = markRequest(s, canExplain);
  return analysis ? planMarks(analysis, options) : [{ kind: 'clear-marks' }];
}

const LIMIT = 50;
const shown = (v: unknown): string => (typeof v === 'number' ? money(v) : String(v ?? ''));

export interface FixPreview {
  title: string;
  actions: Action[];
  /** The plan shown is for an earlier choice; the current one is being planned. */
  pending: boolean;
  /** Stated figures that disagree with their sums: listed first, overwritten only when asked. */
  conflicts: string[];
  /** Every conflict with the user's choice: tick to write the formula, untick to keep the cell as it is. */
  choices: { cell: string; line: string; checked: boolean }[];
  conflictsTitle: string | null;
  /** Formulas that read other cells than they should (rewritten unless unticked). */
  formulasTitle: string | null;
  overwrite: { label: string; checked: boolean } | null;
  summary: string;
  /** The first changes, one line each, and how many more there are. */
  lines: string[];
  more: string | null;
  /** Said once the fix is written. */
  done: string;
}

/** One line per cell a fix writes: where, what it holds now, what it will hold. */
function changeLines(actions: Action[], t: Strings): string[] {
  return actions.flatMap((a) => {
    if (a.kind === 'set-number') return [t.changeLine(`${a.sheet}!${a.cell}`, `"${a.before}"`, money(a.value))];
    if (a.kind === 'set-formula') return [t.changeLine(`${a.sheet}!${a.cell}`, shown(a.before), `${a.formula} = ${money(a.expected)}`)];
    return [];
  });
}

function summaryOf(kind: FixKind, actions: Action[], t: Strings): string {
  if (actions.length === 0) return t.nothingToDo;
  return kind === 'numbers' ? t.numbersPreview(actions.length) : t.totalsPreview(actions.filter((a) => a.kind === 'set-formula').length);
}

const preview = memo((fixPlan: PaneState['fixPlan'], fix: PaneState['fix'], lang: Lang): FixPreview | null => {
  if (!fixPlan || !fix || fixPlan.fix.kind !== fix.kind) return null;
  const t = STRINGS[lang];
  const totals = fixPlan.plan;
  const lines = changeLines(totals.actions, t);
  const names = (list: string[] | undefined): string => (list && list.length > 0 ? list.join(', ') : '—');
  const lineOf = (c: Conflict): string =>
    c.reason === 'formula'
      ? t.formulaConflictLine(`${c.sheet}!${c.cell}`, c.current ?? '', names(c.missing), names(c.extra))
      : t.conflictLine(`${c.sheet}!${c.cell}`, shown(c.stated), money(c.computed));
  const choices = totals.conflicts.map((c) => ({ cell: `${c.sheet}!${c.cell}`, line: lineOf(c), checked: c.overwrite }));
  const values = totals.conflicts.filter((c) => c.reason === 'value').length;
  const wrong = totals.conflicts.length - values;
  const conflicts = choices.map((c) => c.line);
  const some = values > 0;
  const title = fix.kind === 'numbers' ? t.numbers : t.totals;
  return {
    title,
    actions: totals.actions,
    // Planned for an earlier choice (the engine is planning this one): shown, not confirmable.
    pending: fixPlan.fix !== fix,
    conflicts,
    choices,
    conflictsTitle: some ? t.conflictsTitle(values) : null,
    formulasTitle: wrong > 0 ? t.formulasTitle(wrong) : null,
    overwrite: some ? { label: t.overwrite(values), checked: fix.overwrite } : null,
    summary: summaryOf(fix.kind, totals.actions, t),
    lines: lines.slice(0, LIMIT),
    more: lines.length > LIMIT ? t.more(lines.length - LIMIT) : null,
    done: t.applied(title),
  };
});

/** แปลงตัวเลข or เติมผลรวม as previewed: exactly these actions are written on confirm. */
export const fixPreview = (s: PaneState): FixPreview | null => preview(s.fixPlan, s.fix, s.lang);

/** สร้างสรุป is offered: there is a plan to summarise (a workbook without one would give empty sheets, `noPlan`). */
export const canSummarize = (s: PaneState): boolean => s.analysis !== null && !noPlan(s);

/** What to say once the summary sheets are added. */
export const summaryDone = (s: PaneState, actions: Extract<Action, { kind: 'add-sheet' }>[]): string => strings(s).sheetsAdded(actions.map((a) => a.sheet.name).join(', '));

/** Checked, and not one project row found in any sheet. */
export const noPlan = (s: PaneState): boolean => s.analysis !== null && s.analysis.stats.projects === 0;

/** The sheets to re-check now: edits wait, nothing else reads or writes, and there is a workbook to merge into. */
export function nextRecheck(s: PaneState): SheetEdit[] | null {
  const idle = !s.live.running && !isBusy(s);
  return s.live.on && idle && s.snapshot !== null && s.live.pending.length > 0 ? s.live.pending : null;
}

/** Why a file did not open, in Thai and English (the pane's language is not chosen yet). */
export function openFailedText(fileName: string, error: unknown): string {
  const msg = error instanceof Error ? error.message : String(error);
  // The reader's WorkbookReadError says what the file is (an old .xls, a password, a CSV, too large…) in both
  // languages; read by shape, so its messages stay in the lazy chunk, not in the Excel pane's bundle.
  const known = (error as { text?: Partial<Record<Lang, string>> } | null)?.text;
  const notXlsx = /zip|central directory|signature|end of data|corrupt/i.test(msg);
  const say = (l: Lang): string => STRINGS[l].openFailed(fileName, known?.[l] ?? (notXlsx ? STRINGS[l].notXlsx : msg));
  return `${say('th')} / ${say('en')}`;
}
