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
  period: string;
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
  return {
    period: data.period,
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

/** The catalog of the 2566–2570 plan period (the default). */
export const CATALOG_2566_2570: Catalog = buildCatalog(plan25662570);
