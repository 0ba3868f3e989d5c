import { exact, exactFromDecimal, exactMultiply, exactToFen, exactToNumber, roundHalfEven, type Exact } from '../money/index.js';
import { SecuritisationInputError } from './securitisation-input-error.js';
import { trancheClasses, type PoolMonth, type TrancheMonth, type TrancheResult, type WaterfallPool, type WaterfallProjection, type WaterfallScenario, type WaterfallStructure } from './types.js';

const CONVENTION =
  'Monthly: defaults = balance × CDR/12; interest = (balance − defaults) × rate/12; scheduled principal = ' +
  'performing balance / months left; prepayments = (performing − scheduled) × CPR/12; recovery = defaults × ' +
  'recovery rate, received after the lag; loss = defaults − recovery. Interest waterfall: fees, senior then ' +
  'mezzanine coupons (with carried shortfalls; the reserve covers a shortfall), subordinated coupon, reserve ' +
  'top-up to target, residual. Principal waterfall (scheduled + prepaid + recovered): sequential senior → ' +
  'mezzanine → subordinated, then residual. Tranche balances above the collateral (pool + pending recoveries + ' +
  'reserve) are written down bottom-up. The reserve is released into the principal waterfall in the last month. ' +
  'Each monthly amount is rounded half-even to the fen.';

const fen = (x: Exact, field: string): number => exactToFen(x, roundHalfEven, field);
const times = (amountFen: number, ...factors: Exact[]): number => fen(exactMultiply(exact(BigInt(amountFen)), ...factors), 'amount');

interface TrancheState {
  balance: number;
  shortfall: number;
  rows: TrancheMonth[];
}

/**
 * Projects a loan pool's monthly cash flows through the tranche waterfall under one scenario of
 * defaults (CDR), prepayments (CPR), recovery rate and lag. Pure and exact in fen: every monthly
 * amount is rounded once, half-even; balances are integer fen, so every fen is accounted for
 * (collections + initial reserve = fees + tranche interest + tranche principal + residual).
 */
export function projectWaterfall(pool: WaterfallPool, structure: WaterfallStructure, scenario: WaterfallScenario): WaterfallProjection {
  check(pool, structure, scenario);
  const twelfth = exact(1n, 12n);
  const monthlyRate = exactMultiply(exactFromDecimal(pool.annualRate), twelfth);
  const mdr = exactMultiply(exactFromDecimal(scenario.cdr), twelfth);
  const smm = exactMultiply(exactFromDecimal(scenario.cpr), twelfth);
  const recovery = exactFromDecimal(scenario.recoveryRate);
  const feeRate = exactMultiply(exactFromDecimal(structure.feeRate), twelfth);
  const coupons = structure.tranches.map((t) => exactMultiply(exactFromDecimal(t.couponRate), twelfth));
  const states: TrancheState[] = structure.tranches.map((t) => ({ balance: t.sizeFen, shortfall: 0, rows: [] }));
  const subordinated = structure.tranches.map((t) => t.class === 'subordinated');
  const pending = new Map<number, number>();
  const poolRows: PoolMonth[] = [];
  let balance = pool.balanceFen;
  let reserve = structure.reserve.initialFen;
  const horizon = pool.remainingMonths + scenario.recoveryLagMonths;

  for (let month = 1; month <= horizon; month++) {
    const monthsLeft = pool.remainingMonths - month + 1;
    const begin = balance;
    let defaults = 0, interest = 0, scheduled = 0, prepaid = 0, fees = 0, loss = 0;
    if (begin > 0) {
      defaults = times(begin, mdr);
      const performing = begin - defaults;
      interest = times(performing, monthlyRate);
      scheduled = monthsLeft <= 1 ? performing : fen(exact(BigInt(performing), BigInt(monthsLeft)), 'scheduledPrincipal');
      prepaid = times(performing - scheduled, smm);
      balance = performing - scheduled - prepaid;
      fees = times(begin, feeRate);
      if (defaults > 0) {
        const recovered = times(defaults, recovery);
        loss = defaults - recovered;
        const due = month + scenario.recoveryLagMonths;
        pending.set(due, (pending.get(due) ?? 0) + recovered);
      }
    }
    const recoveries = pending.get(month) ?? 0;
    pending.delete(month);
    const stillPending = [...pending.values()].reduce((a, b) => a + b, 0);
    const last = balance === 0 && stillPending === 0;

    // Interest waterfall.
    const due = states.map((s, i) => times(s.balance, coupons[i]!) + s.shortfall);
    const protectedNeed = fees + due.reduce((sum, d, i) => (subordinated[i] ? sum : sum + d), 0);
    let available = interest;
    const reserveDraw = Math.min(reserve, Math.max(0, protectedNeed - available));
    reserve -= reserveDraw;
    available += reserveDraw;
    const feesPaid = Math.min(available, fees);
    available -= feesPaid;
    const interestPaid = states.map(() => 0);
    for (const pass of [false, true]) {
      states.forEach((s, i) => {
        if (subordinated[i] !== pass) return;
        const paid = Math.min(available, due[i]!);
        interestPaid[i] = paid;
        available -= paid;
        s.shortfall = due[i]! - paid;
      });
    }
    const topUp = Math.min(available, Math.max(0, structure.reserve.targetFen - reserve));
    reserve += topUp;
    available -= topUp;
    let residual = available;

    // Principal waterfall, sequential.
    let principal = scheduled + prepaid + recoveries;
    if (last) {
      principal += reserve;
      reserve = 0;
    }
    const principalPaid = states.map((s) => {
      const paid = Math.min(principal, s.balance);
      s.balance -= paid;
      principal -= paid;
      return paid;
    });
    residual += principal;

    // Losses bottom-up: tranche balances may not exceed the collateral.
    const collateral = balance + stillPending + reserve;
    let excess = Math.max(0, states.reduce((sum, s) => sum + s.balance, 0) - collateral);
    const writedowns = states.map(() => 0);
    for (let i = states.length - 1; i >= 0 && excess > 0; i--) {
      const cut = Math.min(excess, states[i]!.balance);
      states[i]!.balance -= cut;
      writedowns[i] = cut;
      excess -= cut;
    }
    states.forEach((s, i) => s.rows.push({ month, interestFen: interestPaid[i]!, principalFen: principalPaid[i]!, writedownFen: writedowns[i]!, interestShortfallFen: s.shortfall, balanceFen: s.balance }));
    poolRows.push({
      month, beginBalanceFen: begin, defaultsFen: defaults, interestFen: interest, scheduledPrincipalFen: scheduled, prepaymentFen: prepaid,
      recoveriesFen: recoveries, lossFen: loss, endBalanceFen: balance, feesFen: feesPaid, reserveDrawFen: reserveDraw, reserveBalanceFen: reserve, residualFen: residual,
    });
    if (last) break;
  }

  const sum = (key: keyof PoolMonth): number => poolRows.reduce((total, row) => total + row[key], 0);
  return {
    scenario,
    months: poolRows.length,
    pool: poolRows,
    tranches: structure.tranches.map((t, i) => trancheResult(t, states[i]!)),
    totals: {
      defaultsFen: sum('defaultsFen'), lossFen: sum('lossFen'), recoveriesFen: sum('recoveriesFen'), interestFen: sum('interestFen'),
      principalFen: sum('scheduledPrincipalFen') + sum('prepaymentFen'), feesFen: sum('feesFen'), residualFen: sum('residualFen'),
    },
    convention: CONVENTION,
    rounding: 'half-even',
  };
}

function trancheResult(spec: WaterfallStructure['tranches'][number], state: TrancheState): TrancheResult {
  const totalPrincipal = state.rows.reduce((s, r) => s + r.principalFen, 0);
  const weighted = state.rows.reduce((s, r) => s + BigInt(r.month) * BigInt(r.principalFen), 0n);
  const loss = state.rows.reduce((s, r) => s + r.writedownFen, 0);
  return {
    name: spec.name,
    class: spec.class,
    sizeFen: spec.sizeFen,
    couponRate: spec.couponRate,
    cashflows: state.rows,
    totalInterestFen: state.rows.reduce((s, r) => s + r.interestFen, 0),
    totalPrincipalFen: totalPrincipal,
    lossFen: loss,
    unpaidInterestFen: state.shortfall,
    walYears: totalPrincipal === 0 ? null : exactToNumber(exact(weighted, 12n * BigInt(totalPrincipal)), 4),
    paidInFull: state.balance === 0 && loss === 0 && state.shortfall === 0,
  };
}

function check(pool: WaterfallPool, structure: WaterfallStructure, scenario: WaterfallScenario): void {
  const fail = (message: string, field: string): never => {
    throw new SecuritisationInputError(message, field);
  };
  const wholeFen = (v: number, field: string) => (Number.isSafeInteger(v) && v >= 0) || fail(`${field} must be whole fen ≥ 0, got ${v}`, field);
  const decimal = (v: number, field: string) => (Number.isFinite(v) && v >= 0 && v <= 1) || fail(`${field} must be a decimal 0–1, got ${v}`, field);
  wholeFen(pool.balanceFen, 'pool.balanceFen');
  decimal(pool.annualRate, 'pool.annualRate');
  if (!(Number.isInteger(pool.remainingMonths) && pool.remainingMonths >= 1 && pool.remainingMonths <= 600)) fail('pool.remainingMonths must be 1–600', 'pool.remainingMonths');
  decimal(structure.feeRate, 'structure.feeRate');
  wholeFen(structure.reserve.initialFen, 'structure.reserve.initialFen');
  wholeFen(structure.reserve.targetFen, 'structure.reserve.targetFen');
  if (structure.tranches.length === 0) fail('a structure needs at least one tranche', 'structure.tranches');
  let rank = 0;
  let total = 0;
  structure.tranches.forEach((t, i) => {
    wholeFen(t.sizeFen, `structure.tranches[${i}].sizeFen`);
    decimal(t.couponRate, `structure.tranches[${i}].couponRate`);
    const r = trancheClasses.indexOf(t.class);
    if (r < rank) fail('tranches run senior → mezzanine → subordinated', `structure.tranches[${i}].class`);
    rank = r;
    total += t.sizeFen;
  });
  if (total > pool.balanceFen) fail(`tranches total ${total} fen exceed the pool balance ${pool.balanceFen} fen`, 'structure.tranches');
  decimal(scenario.cdr, 'scenario.cdr');
  decimal(scenario.cpr, 'scenario.cpr');
  decimal(scenario.recoveryRate, 'scenario.recoveryRate');
  if (!(Number.isInteger(scenario.recoveryLagMonths) && scenario.recoveryLagMonths >= 0 && scenario.recoveryLagMonths <= 60)) fail('scenario.recoveryLagMonths must be 0–60', 'scenario.recoveryLagMonths');
}
