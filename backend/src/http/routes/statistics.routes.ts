// The regulator's green-finance statistics (and a bank's own figures): JSON for the dashboard, CSV and
// PDF exports. Thin: scope and figures are in domain/statistics.
import { statisticsPdf, statisticsTableCsv, type StatisticsTable } from '../../reports/statistics-export.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Query = { quarter?: string; bankId?: string; table?: StatisticsTable };
const tag = 'statistics';

export const statisticsRoutes: RouteSpec[] = [
  {
    id: 'statistics.green-finance', method: 'GET', path: '/api/statistics/green-finance', tag, access: 'authenticated',
    summary: 'Green loans by use category, use, industry, prefecture, bank and borrower size; quarterly evaluation; green bonds (regulator: every bank; a bank: its own)',
    query: 'api/statistics/green-finance.query',
    handler: (i: AuthenticatedInput<unknown, Query>, p) => {
      const { table: _table, ...options } = i.query;
      return p.services.statistics.compute(i.principal, options);
    },
  },
  {
    id: 'statistics.green-finance.csv', method: 'GET', path: '/api/statistics/green-finance.csv', tag, access: 'authenticated',
    summary: 'One table of the statistics as CSV (integer fen and basis points): ?table=loans (default, every loan dimension), quarter, pledged, ltv, guarantees, grades, bonds, benefits, trades (settled ecological-rights trades by right type and month)',
    query: 'api/statistics/green-finance.query',
    handler: async (i: AuthenticatedInput<unknown, Query>, p) => {
      const { table = 'loans', ...options } = i.query;
      const s = await p.services.statistics.compute(i.principal, options);
      const name = table === 'loans' ? `green-finance-${s.quarter.quarter}.csv` : `green-finance-${table}-${s.quarter.quarter}.csv`;
      return { body: Buffer.from(statisticsTableCsv(s, table), 'utf8'), headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` } };
    },
  },
  {
    id: 'statistics.green-finance.pdf', method: 'GET', path: '/api/statistics/green-finance.pdf', tag, access: 'authenticated',
    summary: 'The same statistics as a PDF report (Chinese)', query: 'api/statistics/green-finance.query',
    handler: async (i: AuthenticatedInput<unknown, Query>, p) => {
      const { table: _table, ...options } = i.query;
      const s = await p.services.statistics.compute(i.principal, options);
      return { body: await statisticsPdf(s), headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="green-finance-${s.quarter.quarter}.pdf"` } };
    },
  },
];
