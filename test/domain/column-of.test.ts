import fc from 'fast-check';
import { columnOf, parseAddress } from '../../src/domain/base/cells';

/** The findings' order reads a cell's column without parseAddress's match and object: it must read the same column. */
describe('columnOf', () => {
  it('reads the column parseAddress reads, for addresses and for text that is not one', () => {
    const letters = fc.stringMatching(/^[A-Za-z]{0,4}$/);
    const address = fc.tuple(fc.constantFrom('', '$', ' '), letters, fc.constantFrom('', '$'), fc.stringMatching(/^[0-9]{0,7}$/), fc.constantFrom('', ' ', 'x', ':B2'))
      .map(([a, l, d, n, tail]) => `${a}${l}${d}${n}${tail}`);
    fc.assert(fc.property(fc.oneof(address, fc.string()), (a) => columnOf(a) === (parseAddress(a)?.col ?? 0)), { numRuns: 5000 });
    expect([columnOf('O27'), columnOf('$AB$5'), columnOf('XFD1'), columnOf('A1:B2'), columnOf('')]).toEqual([15, 28, 16384, 0, 0]);
  });
});
