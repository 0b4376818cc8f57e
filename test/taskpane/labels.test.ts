import { RULE_CODES } from '../../src/domain/rules';
import { RULE_LABELS } from '../../src/taskpane/i18n/rules';
import { en, th } from '../../src/taskpane/i18n/strings';

describe('pane texts', () => {
  it('every rule code has a Thai and an English label', () => {
    for (const code of RULE_CODES) expect(RULE_LABELS[code]).toEqual({ th: expect.any(String), en: expect.any(String) });
    expect(Object.keys(RULE_LABELS).sort()).toEqual([...RULE_CODES].sort());
  });
  it('Thai and English have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(th).sort());
  });
});
