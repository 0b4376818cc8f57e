import { MARK_STYLES, columnLetters, firstDataRow, inDigitStyle, sumOverRows, type CombinedSummary, type GeneratedCell, type GeneratedSheet } from '../../domain';
import type { Lang } from '../i18n';
import { COMBINE_LABELS, type CombineLabels } from './labels';

/**
 * The combined summary workbook's sheets, laid out from the domain's combined figures (nothing is recomputed
 * here): the files, per agency, per goal and indicator, per quarter, and every finding with its source file.
 * Each row holds the figures as values (they come from other workbooks); total rows are SUMs over this sheet's
 * rows, so a clerk's correction of a row carries into its total.
 */

/** Arabic digits here; a Thai workbook is then put in Thai digits whole (labels and formats, see combinedSheets). */
const FORMATS = { money: '#,##0;-#,##0;"-"', count: '0;-0;"-"' };

const head = (header: string, width: number) => ({ header, width });
/** A label; an empty one is a cell with borders and no value (not an empty string a formula would count). */
const text = (value: string, bold = false): GeneratedCell => (value === '' ? {} : { value, ...(bold ? { bold } : {}) });
/** SUM over some rows of one column of this sheet, with the value it must come to. */
const sumOf = (rows: readonly number[], col: number, value: number, format: string): GeneratedCell =>
  ({ value, formula: sumOverRows(columnLetters(col), rows), format, bold: true });

const total = (list: readonly number[]): number => list.reduce((s, v) => s + v, 0);

function filesSheet(c: CombinedSummary, unreadable: readonly { file: string; why: string }[], t: CombineLabels): GeneratedSheet {
  const f = FORMATS;
  const rows: GeneratedCell[][] = c.files.map((x, k) => [
    { value: k + 1, format: f.count },
    text(x.file),
    text(x.period),
    text(t.read),
    { value: x.stats.projects, format: f.count },
    { value: x.stats.budget, format: f.money },
    { value: x.stats.errors, format: f.count },
    { value: x.stats.warnings, format: f.count },
    { value: x.stats.infos, format: f.count },
  ]);
  for (const u of unreadable) rows.push([{ value: rows.length + 1, format: f.count }, text(u.file), text(''), text(`${t.unreadable}: ${u.why}`)]);
  return {
    name: t.sheets.files,
    title: t.titles.files,
    subtitle: [t.combined(c.files.length, unreadable.length)],
    columns: [head(t.no, 6), head(t.file, 40), head(t.period, 14), head(t.status, 30), head(t.projects, 14), head(t.budget, 18), head(t.errors, 10), head(t.warnings, 10), head(t.infos, 10)],
    rows,
  };
}

function agencySheet(c: CombinedSummary, t: CombineLabels): GeneratedSheet {
  const f = FORMATS;
  const untyped = c.files.filter((x) => !x.typed).map((x) => x.file);
  const subtitle = [t.valuesNote, ...(untyped.length > 0 ? [t.untyped(untyped)] : [])];
  const first = firstDataRow(subtitle);
  const rows: GeneratedCell[][] = c.agencies.map((a, k) => [
    { value: k + 1, format: f.count },
    text(a.key === '' ? t.unreadAgency(a.files[0] ?? '') : a.name),
    text(a.files.join(', ')),
    { value: a.integrated, format: f.money },
    { value: a.own, format: f.money },
    { value: a.total, format: f.money },
    { value: a.count, format: f.count },
  ]);
  const data = rows.map((_, k) => first + k);
  rows.push([
    text(''),
    text(t.overall, true),
    text(''),
    sumOf(data, 4, total(c.agencies.map((a) => a.integrated)), f.money),
    sumOf(data, 5, total(c.agencies.map((a) => a.own)), f.money),
    sumOf(data, 6, total(c.agencies.map((a) => a.total)), f.money),
    sumOf(data, 7, total(c.agencies.map((a) => a.count)), f.count),
  ]);
  return {
    name: t.sheets.agency,
    title: t.titles.agency,
    subtitle,
    columns: [head(t.no, 6), head(t.agency, 44), head(t.file, 30), head(t.integrated, 18), head(t.own, 22), head(t.total, 18), head(t.projects, 14)],
    rows,
  };
}

function indicatorSheet(c: CombinedSummary, t: CombineLabels, lang: Lang): GeneratedSheet {
  const f = FORMATS;
  const subtitle = [t.countNote, t.valuesNote];
  const first = firstDataRow(subtitle);
  const rows: GeneratedCell[][] = [];
  const goalRows: number[] = [];
  for (const g of c.goals) {
    const own: number[] = [];
    g.indicators.forEach((i, k) => {
      own.push(first + rows.length);
      rows.push([
        text(k === 0 ? t.goalLabel(g.code, g[lang]) : ''),
        text(i.code ? `${i.code} ${i[lang]}` : t.noIndicator),
        { value: i.count, format: f.count },
        { value: i.budget, format: f.money },
      ]);
    });
    goalRows.push(first + rows.length);
    rows.push([
      text(t.goalTotal(g.code), true),
      text(''),
      sumOf(own, 3, total(g.indicators.map((i) => i.count)), f.count),
      sumOf(own, 4, total(g.indicators.map((i) => i.budget)), f.money),
    ]);
  }
  const all = c.goals.flatMap((g) => g.indicators);
  rows.push([text(t.overall, true), text(''), sumOf(goalRows, 3, total(all.map((i) => i.count)), f.count), sumOf(goalRows, 4, total(all.map((i) => i.budget)), f.money)]);
  return {
    name: t.sheets.indicator,
    title: t.titles.indicator,
    subtitle,
    columns: [head(t.goal, 36), head(t.indicator, 60), head(t.projects, 14), head(t.budget, 18)],
    rows,
  };
}

function quarterSheet(c: CombinedSummary, t: CombineLabels): GeneratedSheet {
  const f = FORMATS;
  const split = c.files.filter((x) => x.split).map((x) => x.file);
  const other = c.files.filter((x) => !x.split).map((x) => x.file);
  const subtitle = [t.splitNote(split), t.activeNote(other)];
  const first = firstDataRow(subtitle);
  const rows: GeneratedCell[][] = c.quarters.map((q) => [
    text(t.quarterLabel(q.quarter)),
    { value: q.split, format: f.money },
    { value: q.activeBudget, format: f.money },
    { value: q.active, format: f.count },
  ]);
  const data = rows.map((_, k) => first + k);
  // Only the quarter cells add up to a plan's budget; active projects' budgets and counts repeat across quarters.
  rows.push([text(t.totalRow, true), sumOf(data, 2, total(c.quarters.map((q) => q.split)), f.money), text(''), text('')]);
  return {
    name: t.sheets.quarter,
    title: t.titles.quarter,
    subtitle,
    columns: [head(t.quarter, 28), head(t.splitBudget, 22), head(t.activeBudget, 30), head(t.active, 24)],
    rows,
  };
}

function findingsSheet(c: CombinedSummary, unreadable: readonly { file: string; why: string }[], t: CombineLabels, lang: Lang): GeneratedSheet {
  const count = (s: 'error' | 'warning' | 'info'): number => c.findings.filter((x) => x.severity === s).length;
  const rows: GeneratedCell[][] = [
    // A file that could not be read is a finding of the combination itself: it is missing from every figure.
    ...unreadable.map((u) => [text(u.file), text(''), text(''), text('file-unreadable'), { value: t.severityName.error, fill: MARK_STYLES.error.fill }, text(u.why)]),
    ...c.findings.map((x) => [
      text(x.file),
      text(x.sheet),
      text(x.cell),
      text(x.code),
      { value: t.severityName[x.severity], fill: MARK_STYLES[x.severity].fill },
      text(x.message[lang]),
    ]),
  ];
  return {
    name: t.sheets.findings,
    title: t.titles.findings,
    subtitle: [t.counts(count('error') + unreadable.length, count('warning'), count('info'))],
    columns: [head(t.file, 30), head(t.sheet, 22), head(t.cell, 10), head(t.code, 24), head(t.severity, 12), head(t.message, 80)],
    rows,
  };
}

/** The five sheets of `summarize --combine`, in one language. */
export function combinedSheets(c: CombinedSummary, unreadable: readonly { file: string; why: string }[], lang: Lang): GeneratedSheet[] {
  const t = COMBINE_LABELS[lang];
  const sheets = [filesSheet(c, unreadable, t), agencySheet(c, t), indicatorSheet(c, t, lang), quarterSheet(c, t), findingsSheet(c, unreadable, t, lang)];
  if (lang === 'en') return sheets;
  // A Thai province document in Thai digits throughout, as `summarize` writes a Thai-digit plan's summaries; file
  // and sheet names keep their spelling (a name is not a figure).
  const names = [...c.files.map((f) => f.file), ...unreadable.map((u) => u.file), ...new Set(c.findings.map((f) => f.sheet))];
  return sheets.map((s) => inDigitStyle(s, 'thai', names));
}
