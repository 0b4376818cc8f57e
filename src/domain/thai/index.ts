// Named re-exports, not `export *`: compiled to CommonJS (the CLI's build, jest, tsx), `export *` becomes one shared
// getter closure for every name (a megamorphic lookup on each call) and the engine calls these per cell.
export { hasThaiDigit, parseInteger, toArabicDigits, toThaiDigits } from './digits';
export { cellText, compareKey, keyMayBeLabel, similarity, tidy } from './text';
export { amountValue, embeddedBaht, isNoBudgetText, parseAmount, type Amount } from './amount';
export { COUNT_UNITS, parseTarget, type Bound, type Target } from './target';
export { fiscalIndex, monthsIn, parsePeriod, quarterOfMonth, type Period, type Quarter } from './months';
export { PROVINCES, provincesIn } from './provinces';
