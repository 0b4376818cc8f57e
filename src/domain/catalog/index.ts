import { compareKey, similarity } from '../thai';
import { catalogSchema, type CatalogData } from './schema';
import plan25662570 from './plan-2566-2570.json';

export { catalogSchema, type CatalogData } from './schema';

export interface Indicator {
  code: string;
  goal: string;
  parent: string | null;
  children: string[];
  th: string;
  en: string;
  /** Comparison keys of the canonical text and every known variant. */
  keys: string[];
}

export interface Catalog {
  /** "2566-2570": the fiscal years (B.E.) the plan period covers. */
  period: string;
  /** First and last fiscal year of the period. */
  years: [number, number];
  data: CatalogData;
  indicator(code: string): Indicator | undefined;
  indicators: Indicator[];
}

/** Comparison key of indicator wording: whitespace-free, without punctuation that varies between documents. */
export function indicatorTextKey(text: string): string {
  return compareKey(text)
    .replace(/ค่าเป้าหมาย.*$/, '')
    .replace(/^[:：.\-\s]+/, '')
    .replace(/[:：()（）]/g, '');
}

export function buildCatalog(raw: unknown): Catalog {
  const data = catalogSchema.parse(raw);
  const indicators: Indicator[] = data.indicators.map((i) => ({
    code: i.code,
    goal: i.goal,
    parent: i.parent,
    children: data.indicators.filter((c) => c.parent === i.code).map((c) => c.code),
    th: i.th,
    en: i.en,
    keys: [i.th, ...i.variants].map(indicatorTextKey),
  }));
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const [from, to] = data.period.split('-').map(Number) as [number, number];
  return {
    period: data.period,
    years: [from, to],
    data,
    indicator: (c) => byCode.get(c),
    indicators,
  };
}

/** How close a text is to an indicator's known wordings: 1 = a known wording. */
export function wordingSimilarity(indicator: Indicator, text: string): number {
  const key = indicatorTextKey(text);
  let best = 0;
  for (const k of indicator.keys) best = Math.max(best, similarity(k, key));
  return best;
}

/** The catalog of the 2566–2570 plan period. */
export const CATALOG_2566_2570: Catalog = buildCatalog(plan25662570);

/** Every plan period the product knows, oldest first: another period is one JSON file and one line here. */
export const CATALOGS: readonly Catalog[] = [CATALOG_2566_2570];

/** How the plan period of a workbook was chosen. */
export interface PeriodChoice {
  catalog: Catalog;
  /** The fiscal year read from the workbook, if any. */
  year: number | null;
  /** No catalog covers the year (or no year was found): the newest was assumed. */
  assumed: boolean;
}

/** The catalog whose period covers the fiscal year; else the newest, marked as assumed. */
export function choosePeriod(year: number | null, catalogs: readonly Catalog[] = CATALOGS): PeriodChoice {
  if (catalogs.length === 0) throw new Error('no plan-period catalog');
  const found = year === null ? undefined : catalogs.find((c) => year >= c.years[0] && year <= c.years[1]);
  if (found) return { catalog: found, year, assumed: false };
  const newest = [...catalogs].sort((a, b) => b.years[1] - a.years[1])[0] as Catalog;
  return { catalog: newest, year, assumed: true };
}
