import { RECORD_SHEET } from '../../src/workbook/host';
import type { Action } from '../../src/domain/actions/types';
import { intentOf, type Intent } from './fidelity-intent';
import { judgeSheet, type Problem } from './fidelity-sheet';
import {
  REL_TYPE,
  definedNames,
  relsOf,
  relsPath,
  sharedStrings,
  sheetsOf,
  stylesOf,
  unzip,
  workbookPath,
  said,
  xmlOf,
  type Parts,
} from './ooxml';
import { kid, kids, localName, textOf } from './xml-tree';

export type { Problem } from './fidelity-sheet';

/**
 * The fidelity judge: what a copy written by fix, summarize or the browser must keep of the user's workbook,
 * checked part by part on the uncompressed package.
 * - every part the actions do not need to touch is byte-identical;
 * - [Content_Types].xml and every relationship part only gain entries;
 * - the workbook keeps its sheets (order, names, visibility) and defined names (scope, value, attributes);
 * - the style sheet only gains entries, so no style index changes meaning; shared strings only gain items;
 * - in a touched sheet every other cell keeps its value, formula and resolved style (font, fill, border,
 *   number format code …), rows keep their attributes, and everything outside the cells is as it was;
 * - every converted cell holds the number in the action's format and otherwise looks as it did;
 * - the user's notes survive; marks, notes and added sheets are where the actions put them;
 * - custom document properties (a sensitivity label) only gain entries: with any write, the workbook part and
 *   the custom properties may gain PlanCheck's ownership tag (issue 9 item 6), and nothing else.
 * Returns every problem found (empty: faithful); LibreOffice's part is in fidelity-libreoffice.ts.
 */
export function judge(input: Uint8Array, output: Uint8Array, actions: Action[]): Problem[] {
  const a = unzip(input);
  const b = unzip(output);
  const intent = intentOf(actions);
  const problems: Problem[] = [];
  const mayChange = changeable(a, intent);
  for (const path of Object.keys(a)) {
    const now = b[path];
    if (!now) {
      if (!(intent.formulas && isCalcChain(a, path))) problems.push({ check: 'part-lost', where: path, detail: `${a[path]!.length} bytes` });
      continue;
    }
    if (!mayChange.has(path) && !same(a[path]!, now)) problems.push({ check: 'part-changed', where: path, detail: describeChange(a[path]!, now) });
  }
  contentTypesGained(a, b, intent, problems);
  for (const path of Object.keys(a)) if (path.endsWith('.rels')) relsGained(a, b, path, intent, problems);
  workbookKept(a, b, intent, problems);
  stylesKept(a, b, problems);
  stringsKept(a, b, problems);
  customPropertiesKept(a, b, problems);
  const before = sheetsOf(a);
  const after = sheetsOf(b);
  const sideA = { styles: stylesOf(a), strings: sharedStrings(a) };
  const sideB = { styles: stylesOf(b), strings: sharedStrings(b) };
  for (const sheet of before) {
    if (!intent.sheets.has(sheet.name)) continue;
    const twin = after.find((s) => s.name === sheet.name);
    const rootA = xmlOf(a, sheet.part);
    const rootB = twin ? xmlOf(b, twin.part) : undefined;
    if (!rootA || !rootB) continue; // reported as a lost sheet or part
    judgeSheet(sheet.name, { ...sideA, root: rootA }, { ...sideB, root: rootB }, intent, problems);
    notesKept(a, b, sheet.part, twin!.part, sheet.name, intent, problems);
  }
  for (const name of intent.added) if (!after.some((s) => s.name === name)) problems.push({ check: 'intended', where: name, detail: 'sheet meant to be added is not in the workbook' });
  return problems;
}

const same = (x: Uint8Array, y: Uint8Array): boolean => x.length === y.length && x.every((v, i) => v === y[i]);

function describeChange(x: Uint8Array, y: Uint8Array): string {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const show = (u: Uint8Array): string => JSON.stringify(Buffer.from(u.subarray(Math.max(0, i - 40), i + 80)).toString('utf8'));
  return `${x.length} → ${y.length} bytes, first difference at byte ${i}: ${show(x)} → ${show(y)}`;
}

const isCalcChain = (parts: Parts, path: string): boolean => relsOf(parts, workbookPath(parts)).some((r) => r.type === REL_TYPE.calcChain && r.part === path);

/** The parts of the input that the actions may need to rewrite; each is then judged by meaning. */
function changeable(a: Parts, intent: Intent): Set<string> {
  const out = new Set<string>();
  const wb = workbookPath(a);
  const rels = relsOf(a, wb);
  const byType = (t: string): string[] => rels.filter((r) => r.type === t).map((r) => r.part);
  if (intent.styles) byType(REL_TYPE.styles).forEach((p) => out.add(p));
  if (intent.strings) byType(REL_TYPE.sharedStrings).forEach((p) => out.add(p));
  if (intent.formulas) byType(REL_TYPE.calcChain).forEach((p) => out.add(p));
  if (intent.workbook) [wb, relsPath(wb), '[Content_Types].xml', 'docProps/app.xml'].forEach((p) => out.add(p));
  // The ownership tag (issue 9 item 6: what PlanCheck wrote, listed in its very hidden record sheet, a hidden
  // defined name or a custom property) may go with any write; these parts are then judged by meaning: they may
  // only gain entries.
  if (intent.writes) [wb, relsPath(wb), '[Content_Types].xml', '_rels/.rels', 'docProps/custom.xml'].forEach((p) => out.add(p));
  for (const sheet of sheetsOf(a)) {
    if (!intent.sheets.has(sheet.name)) continue;
    out.add(sheet.part);
    if (!intent.notes.has(sheet.name)) continue;
    // A note goes into the sheet's comments part and its VML drawing, new or existing.
    out.add(relsPath(sheet.part)).add('[Content_Types].xml');
    for (const r of relsOf(a, sheet.part)) if (r.type === REL_TYPE.comments || r.type === REL_TYPE.vml) out.add(r.part);
  }
  return out;
}

function contentTypesGained(a: Parts, b: Parts, intent: Intent, problems: Problem[]): void {
  const entries = (p: Parts): Map<string, string> => {
    const m = new Map<string, string>();
    for (const e of kids(xmlOf(p, '[Content_Types].xml'))) {
      const key = localName(e.name) === 'Default' ? `Default ${e.attrs.Extension?.toLowerCase()}` : `Override ${e.attrs.PartName}`;
      m.set(key, e.attrs.ContentType ?? '');
    }
    return m;
  };
  const now = entries(b);
  for (const [key, type] of entries(a)) {
    if (now.get(key) === type) continue;
    if (intent.formulas && key.startsWith('Override ') && isCalcChain(a, key.slice('Override /'.length)) && !now.has(key)) continue;
    problems.push({ check: 'content-types', where: key, detail: `${type} → ${now.get(key) ?? '(gone)'}` });
  }
}

function relsGained(a: Parts, b: Parts, path: string, intent: Intent, problems: Problem[]): void {
  const of = (p: Parts): Map<string, string> =>
    new Map(kids(xmlOf(p, path), 'Relationship').map((r) => [r.attrs.Id ?? '', `${r.attrs.Type} → ${r.attrs.Target}${r.attrs.TargetMode ? ` (${r.attrs.TargetMode})` : ''}`]));
  if (!b[path]) return; // reported as a lost part
  const now = of(b);
  for (const [id, rel] of of(a)) {
    if (now.get(id) === rel) continue;
    if (intent.formulas && rel.startsWith(`${REL_TYPE.calcChain} `) && !now.has(id)) continue;
    problems.push({ check: 'rels', where: `${path} ${id}`, detail: `${rel} → ${now.get(id) ?? '(gone)'}` });
  }
}

function workbookKept(a: Parts, b: Parts, intent: Intent, problems: Problem[]): void {
  const sa = sheetsOf(a);
  const sb = sheetsOf(b);
  const order = sb.filter((s) => sa.some((x) => x.name === s.name)).map((s) => s.name);
  if (order.join('|') !== sa.map((s) => s.name).join('|')) problems.push({ check: 'sheets', where: 'workbook', detail: `${sa.map((s) => s.name).join(', ')} → ${sb.map((s) => s.name).join(', ')}` });
  for (const s of sa) {
    const t = sb.find((x) => x.name === s.name);
    if (t && t.state !== s.state) problems.push({ check: 'sheets', where: s.name, detail: `visibility ${s.state} → ${t.state}` });
  }
  // A generated sheet goes under its own name, or "name (2)" when the user has a sheet of that name.
  const asked = (n: string): boolean => intent.added.has(n) || intent.added.has(n.replace(/ \(\d+\)$/, ''));
  // PlanCheck's record sheet (acknowledgements and the ownership tag) may be added by any write, very hidden only.
  const record = (s: { name: string; state: string }): boolean => intent.writes && s.name === RECORD_SHEET && s.state === 'veryHidden';
  for (const s of sb) if (!sa.some((x) => x.name === s.name) && !asked(s.name) && !record(s)) problems.push({ check: 'sheets', where: s.name, detail: 'sheet added that no action asked for' });
  const key = (d: { name: string; scope: string | null }): string => `${d.name}@${d.scope ?? '(workbook)'}`;
  const now = new Map(definedNames(b).map((d) => [key(d), d]));
  for (const d of definedNames(a)) {
    const t = now.get(key(d));
    if (!t) {
      const elsewhere = definedNames(b).find((x) => x.name === d.name);
      problems.push({ check: 'defined-names', where: key(d), detail: elsewhere ? `now ${key(elsewhere)} = ${elsewhere.value}` : `${d.value} (gone)` });
    } else if (t.value !== d.value || t.rest !== d.rest) problems.push({ check: 'defined-names', where: key(d), detail: `${d.value} ${d.rest} → ${t.value} ${t.rest}` });
  }
  // Everything else in the workbook part (properties, views, protection, pivot caches, extensions) as it was;
  // calcPr may only gain attributes (e.g. recalculate on load).
  const ra = xmlOf(a, workbookPath(a));
  const rb = xmlOf(b, workbookPath(b));
  for (const el of kids(ra)) {
    const n = localName(el.name);
    if (n === 'sheets' || n === 'definedNames') continue;
    const twin = kid(rb, n);
    if (n === 'calcPr') {
      for (const [k, v] of Object.entries(el.attrs)) if (twin?.attrs[k] !== v) problems.push({ check: 'workbook', where: `calcPr ${k}`, detail: `${v} → ${twin?.attrs[k] ?? '(gone)'}` });
    } else if (!twin || said(twin) !== said(el)) problems.push({ check: 'workbook', where: `<${n}>`, detail: `${said(el).slice(0, 300)} → ${twin ? said(twin).slice(0, 300) : '(gone)'}` });
  }
}

/** Style lists only gain entries: index i means what it meant, for every cell and conditional format. */
function stylesKept(a: Parts, b: Parts, problems: Problem[]): void {
  const sa = stylesOf(a);
  const sb = stylesOf(b);
  for (const [list, els] of sa.lists) {
    const now = sb.lists.get(list) ?? [];
    if (list === 'numFmts') {
      for (const f of els) {
        const t = now.find((x) => x.attrs.numFmtId === f.attrs.numFmtId);
        if (t?.attrs.formatCode !== f.attrs.formatCode) problems.push({ check: 'styles', where: `numFmt ${f.attrs.numFmtId}`, detail: `${f.attrs.formatCode} → ${t?.attrs.formatCode ?? '(gone)'}` });
      }
      continue;
    }
    els.forEach((el, i) => {
      const t = now[i];
      if (!t || said(t) !== said(el)) problems.push({ check: 'styles', where: `${list}[${i}]`, detail: `${said(el).slice(0, 200)} → ${t ? said(t).slice(0, 200) : '(gone)'}` });
    });
  }
  for (const el of sa.rest) {
    const t = sb.rest.find((x) => x.name === el.name);
    if (!t || said(t) !== said(el)) problems.push({ check: 'styles', where: `<${el.name}>`, detail: t ? 'changed' : 'gone' });
  }
}

function stringsKept(a: Parts, b: Parts, problems: Problem[]): void {
  const now = sharedStrings(b);
  sharedStrings(a).forEach((si, i) => {
    const t = now[i];
    if (!t || said(t) !== said(si)) problems.push({ check: 'shared-strings', where: `si[${i}]`, detail: `${textOf(si).slice(0, 60)} → ${t ? textOf(t).slice(0, 60) : '(gone)'}` });
  });
}

/** Custom document properties (a sensitivity label among them) only gain entries. */
function customPropertiesKept(a: Parts, b: Parts, problems: Problem[]): void {
  const of = (p: Parts): Map<string, string> => new Map(kids(xmlOf(p, 'docProps/custom.xml'), 'property').map((e) => [e.attrs.name ?? '', `${e.attrs.fmtid} ${kids(e).map(said).join('')}`]));
  if (!b['docProps/custom.xml']) return; // reported as a lost part
  const now = of(b);
  for (const [name, value] of of(a)) if (now.get(name) !== value) problems.push({ check: 'custom-properties', where: name, detail: `${value} → ${now.get(name) ?? '(gone)'}` });
}

/** The user's notes on a touched sheet survive, text and author; ours are where the actions put them. */
function notesKept(a: Parts, b: Parts, partA: string, partB: string, sheet: string, intent: Intent, problems: Problem[]): void {
  const notes = (p: Parts, part: string): Map<string, string> => {
    const path = relsOf(p, part).find((r) => r.type === REL_TYPE.comments)?.part;
    const root = path ? xmlOf(p, path) : undefined;
    const authors = kids(kid(root, 'authors'), 'author').map(textOf);
    return new Map(kids(kid(root, 'commentList'), 'comment').map((c) => [c.attrs.ref ?? '', `${authors[Number(c.attrs.authorId)] ?? ''}: ${said(kid(c, 'text') ?? '')}`]));
  };
  const was = notes(a, partA);
  const now = notes(b, partB);
  for (const [ref, note] of was) if (now.get(ref) !== note) problems.push({ check: 'user-note', where: `${sheet}!${ref}`, detail: `${note.slice(0, 120)} → ${now.get(ref)?.slice(0, 120) ?? '(gone)'}` });
  for (const ref of intent.notes.get(sheet) ?? []) if (!was.has(ref) && !now.has(ref)) problems.push({ check: 'intended', where: `${sheet}!${ref}`, detail: 'meant to get a note, has none' });
}

/** Problems grouped by check, a few examples each: what a failing test prints. */
export function digest(problems: Problem[], examples = 3): string[] {
  const by = new Map<string, Problem[]>();
  for (const p of problems) by.set(p.check, [...(by.get(p.check) ?? []), p]);
  return [...by].map(([check, ps]) => `${check} ×${ps.length}: ${ps.slice(0, examples).map((p) => `${p.where}: ${p.detail.slice(0, 160)}`).join(' | ')}`);
}
