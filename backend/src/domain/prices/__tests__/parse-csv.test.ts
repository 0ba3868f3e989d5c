import { describe, expect, test } from '@jest/globals';
import { CsvSyntaxError, parseCsv } from '../parse-csv.js';
import { readPriceRows } from '../price-rows.js';

describe('parseCsv (RFC 4180)', () => {
  test('reads CRLF and LF rows, quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', '']]);
  });

  test('skips blank lines and keeps a last row without a line break', () => {
    expect(parseCsv('a,b\n\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  test('an unclosed quote names the line it opened on', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(new CsvSyntaxError(2, 'line 2: a quoted field is never closed'));
  });
});

describe('readPriceRows', () => {
  test('turns yuan into integer fen and reports each bad row by line and column', () => {
    const { observations, errors } = readPriceRows(parseCsv('reference,date,price_yuan,unit,source\ncarbon:CEA,2026-11-27,62.15,yuan/t,全国碳市场\ncarbon:CEA,2026-11-31,1,yuan/t,x\ntimber:新疆杨,2026-11-01,620.001,yuan/m3,x\n'));
    expect(observations).toEqual([{ row: 2, reference: 'carbon:CEA', date: '2026-11-27', priceFen: 6215, unit: 'yuan/t', source: '全国碳市场' }]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([[3, 'date'], [4, 'price_yuan']]);
  });

  test('a wrong header is one error on line 1', () => {
    expect(readPriceRows([['ref', 'day']]).errors).toEqual([{ row: 1, field: 'header', message: 'the first line must be reference,date,price_yuan,unit,source' }]);
  });
});
