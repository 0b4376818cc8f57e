import { type Severity, markFormula, type MarkStyle } from '../../../domain';
import { child, insertChild, WORKSHEET_ORDER } from './order';
import type { Styles } from './styles';
import { attrs, children, escapeAttr, escapeText, local, prefixOf, root, splice, tags, textOf, type Splice } from './xml';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
/** Our marks' formulas exactly as the file stores them (without "="). */
const OURS = new Set(SEVERITIES.map((s) => markFormula(s).slice(1)));

/**
 * The highest cfRule priority on the sheet (x14 rules in extLst included), so ours come after the user's. Rows
 * and cells hold no rules: <sheetData> (nearly all of a large sheet) is stepped over, not scanned tag by tag.
 */
function maxPriority(xml: string): number {
  let max = 0;
  const r = root(xml);
  const data = child(xml, r.open, 'sheetData');
  const ranges: [number, number][] = data ? [[0, data.open.start], [data.end, xml.length]] : [[0, xml.length]];
  for (const [from, to] of ranges) {
    for (const t of tags(xml, from, to)) {
      if (t.kind !== 'close' && local(t.name) === 'cfRule') max = Math.max(max, Number(attrs(xml, t).get('priority') ?? 0) || 0);
    }
  }
  return max;
}

/**
 * A mark: one <conditionalFormatting> over exactly the cells, an always-true expression carrying our tag and a
 * dxf with the severity's fill and font colour, inserted at its place in CT_Worksheet's order (after the
 * user's own conditional formats). The user's fills and formats are never touched.
 */
export function addMark(xml: string, styles: Styles, severity: Severity, cells: string[], style: MarkStyle): string {
  if (cells.length === 0) return xml;
  const r = root(xml);
  const p = prefixOf(r.open.name);
  const dxf = styles.dxf(style.fill, style.font);
  const formula = escapeText(markFormula(severity).slice(1));
  const el = `<${p}conditionalFormatting sqref="${escapeAttr(cells.join(' '))}"><${p}cfRule type="expression" dxfId="${dxf}" priority="${maxPriority(xml) + 1}"><${p}formula>${formula}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
  return splice(xml, [insertChild(xml, r.open, WORKSHEET_ORDER, 'conditionalFormatting', el)]);
}

/**
 * Removes our marks from a sheet the ownership tag lists: rules whose formula is exactly one of ours, and a
 * <conditionalFormatting> that holds nothing else. A user's rule in the same element stays.
 */
export function clearMarks(xml: string): string {
  const r = root(xml);
  const edits: Splice[] = [];
  for (const cf of children(xml, r.open)) {
    if (local(cf.open.name) !== 'conditionalFormatting') continue;
    const rules = children(xml, cf.open).filter((c) => local(c.open.name) === 'cfRule');
    const ours = rules.filter((rule) => {
      const f = children(xml, rule.open).filter((c) => local(c.open.name) === 'formula');
      return f.length === 1 && OURS.has(textOf(xml, f[0]!));
    });
    if (ours.length === 0) continue;
    if (ours.length === rules.length) edits.push({ start: cf.open.start, end: cf.end, text: '' });
    else for (const rule of ours) edits.push({ start: rule.open.start, end: rule.end, text: '' });
  }
  return edits.length ? splice(xml, edits) : xml;
}
