import { shiftFormula } from '../../src/workbook/xlsx/package/formula';

describe('shifting a shared formula to another cell of its range', () => {
  it.each([
    ['SUM(G8:M8)', 1, 0, 'SUM(G9:M9)'],
    ['SUM(G8:M8)', 0, 2, 'SUM(I8:O8)'],
    ['$A$1+A$1+$A1+A1', 1, 1, '$A$1+B$1+$A2+B2'],
    ["'แผน ปี 66'!B3*Sheet2!C$4", 2, 1, "'แผน ปี 66'!C5*Sheet2!D$4"],
    ['"A1"&A1&"say ""B2"""', 1, 0, '"A1"&A2&"say ""B2"""'],
    ['SUM(A:A)+SUM($B:C)', 0, 1, 'SUM(B:B)+SUM($B:D)'],
    ['SUM(1:1)+SUM($2:3)', 1, 0, 'SUM(2:2)+SUM($2:4)'],
    ['LOG10(A1)+ATAN2(B1,C1)', 1, 0, 'LOG10(A2)+ATAN2(B2,C2)'],
    ['_xlfn.XLOOKUP(A1,B:B,C:C)', 1, 0, '_xlfn.XLOOKUP(A2,B:B,C:C)'],
    ['Table1[[#This Row],[A1]]+A1', 1, 0, 'Table1[[#This Row],[A1]]+A2'],
    ['งบ1+A1*1.5E+3', 1, 0, 'งบ1+A2*1.5E+3'],
    ['IF(A1>0,TRUE,#N/A)+#DIV/0!', 1, 0, 'IF(A2>0,TRUE,#N/A)+#DIV/0!'],
    ['[1]Sheet1!A1', 1, 0, '[1]Sheet1!A2'],
    ['A2-A1', -1, 0, 'A1-#REF!'],
    ['SUM(A1:B2)', 0, -1, 'SUM(#REF!)'],
    ['XFD1+1', 0, 1, '#REF!+1'],
  ])('%s moved by (%i, %i) is %s', (f, dr, dc, want) => {
    expect(shiftFormula(f, dr, dc)).toBe(want);
  });
});
