/**
 * The domain's one front door: everything the hosts, the task pane and the CLI use. Nothing outside src/domain
 * imports a deeper path (a lint rule enforces it), so the inside can be rearranged freely.
 */
export { analyze, type Analysis, type AnalyzeOptions, type SheetSummary, type Stats } from './analyze';
export { reportSchema, toReport, type Report } from './report';
export { RULES, RULE_CODES, RULE_META, isRuleCode, money, type Finding, type RuleCode, type RuleMeta, type Severity, type Text } from './rules';
export { FAMILIES, FAMILY_NAMES, type Family } from './parse/families';
export { CATALOGS, buildCatalog, catalogSchema, type Catalog, type PeriodChoice } from './catalog';
export { workbookTitle } from './title';
export { FormulaBook, readsOf, type Evaluation, type SheetSource } from './formula';
export { groupFindings, type FindingGroup, type SheetGroup } from './groups';
export { address, columnLetters, parseAddress } from './base/cells';
export { sheetSnapshotSchema, workbookSnapshotSchema, type CellValue, type DefinedName, type SheetSnapshot, type WorkbookSnapshot } from './snapshot';

export { fingerprint, planMarks, type MarkOptions } from './actions/marks';
export { NOTE_PREFIXES, isOurNote } from './actions/notes';
export { planNumbers } from './actions/numbers';
export { planTotals, type Conflict, type TotalsOptions, type TotalsPlan } from './actions/totals';
export { SUMMARY_SHEETS, planSummaries } from './actions/summaries';
export { sumOverRows } from './actions/formulas';
export { combineDigests, summaryDigest, type CombinedSummary, type SummaryDigest } from './totals/combine';
export { digitStyle, inDigitStyle, isThaiDigitFormat, type DigitStyle } from './actions/digit-style';
export {
  LINE_HEIGHT, MARK_STYLES, MARK_TAG, SHEET_LOOK, firstDataRow, generatedName, headerRowOf, isOurMarkFormula, lineHeight, markFormula, rowHeights, rowLines,
  type Action, type GeneratedCell, type GeneratedSheet, type MarkStyle, type NameHolder,
} from './actions/types';
export { analyzeWithState, reanalyze, type AnalysisState, type EditedRows, type StatefulAnalysis } from './incremental';
