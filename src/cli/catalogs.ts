import { readFileSync } from 'node:fs';
import { CATALOGS, RULES, buildCatalog, type Catalog } from '../domain';
import { T, type Lang } from './i18n';
import { reason } from './io';
import { escapeField } from './safe-text';

/** The shipped plan periods plus those given with --catalog; a string says why one could not be used. */
export function catalogsOf(files: string[], lang: Lang): readonly Catalog[] | string {
  const extra: Catalog[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      return T[lang].badCatalog(escapeField(file), e instanceof SyntaxError ? T[lang].catalogInvalid : reason(e, lang));
    }
    try {
      extra.push(buildCatalog(raw));
    } catch {
      return T[lang].badCatalog(escapeField(file), T[lang].catalogInvalid);
    }
  }
  return [...CATALOGS, ...extra];
}

/** `plancheck rules`: every rule of the registry with its severity and what it checks, in one language. */
export function rulesList(lang: Lang): string {
  const t = T[lang];
  const width = Math.max(...RULES.map((r) => r.meta.code.length));
  return `${RULES.map(({ meta }) => `${meta.code.padEnd(width)}  ${t.severityName[meta.severity]?.padEnd(9)}  ${meta.title[lang]}: ${meta.help[lang]}`).join('\n')}\n`;
}
