import { children, local, tags, type Element, type Splice, type Tag } from './xml';

/** CT_Worksheet's child order (ECMA-376 Part 1, 18.3.1.99; drawingHF from the 2010 transitional schema). */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
];

/** CT_Workbook's child order (ECMA-376 Part 1, 18.2.27). */
export const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
  'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

/** CT_Stylesheet's child order (ECMA-376 Part 1, 18.8.39). */
export const STYLES_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** The schema name an element stands for; mc:AlternateContent stands for the first element of its mc:Choice. */
function nameOf(xml: string, el: Element): string {
  const name = local(el.open.name);
  if (name !== 'AlternateContent' || el.open.kind === 'empty') return name;
  let seenChoice = false;
  for (const t of tags(xml, el.open.end, el.contentEnd)) {
    if (t.kind === 'close') continue;
    if (!seenChoice) {
      seenChoice = local(t.name) === 'Choice';
      continue;
    }
    return local(t.name);
  }
  return name;
}

/** Where a new child named `name` goes under `parent`: before the first child that the schema puts after it. */
export function insertionPoint(xml: string, parent: Tag, order: string[], name: string): number {
  const rank = order.indexOf(name);
  const list = children(xml, parent);
  for (const c of list) {
    const r = order.indexOf(nameOf(xml, c));
    if (r > rank) return c.open.start;
  }
  // After the last child (before the parent's close tag).
  const last = list[list.length - 1];
  if (last) return last.end;
  return parent.end;
}

/** The direct child of `parent` with this local name. */
export function child(xml: string, parent: Tag, name: string): Element | undefined {
  return children(xml, parent).find((c) => local(c.open.name) === name);
}

/** A splice inserting `text` as a child of `parent` at its schema position (expanding an empty parent). */
export function insertChild(xml: string, parent: Tag, order: string[], name: string, text: string): Splice {
  if (parent.kind === 'empty') {
    const open = xml.slice(parent.start, parent.end - 2).trimEnd();
    return { start: parent.start, end: parent.end, text: `${open}>${text}</${parent.name}>` };
  }
  const at = insertionPoint(xml, parent, order, name);
  return { start: at, end: at, text };
}
