// npm run bench -- valuation
// Values 100,000 mixed pledged-asset requests (water, forest by age class, emission, carbon, land,
// GEP) in process with valueAsset — exact bigint arithmetic, point value plus up to 8 sensitivity
// corners, haircuts, loan limits, confidence, inputs record — and computes the same point values
// with plain floating-point arithmetic in a hand-written loop — once for the point value only and
// once for the point and the 8 sensitivity corners the engine also evaluates. Prints requests per
// second, the ratios, and the cost of schema validation. Not a timed test: figures only.
import { performance } from 'node:perf_hooks';
import { recordRatio } from './bench-results.js';
import { defaultValuationConfig as config, validateValuationRequest, valueAsset, type ValuationRequest } from '../src/index.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);

/** Seeded generator (mulberry32): the same data on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRequests(count: number): ValuationRequest[] {
  const next = random(20261129);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const rate = () => int(20, 80) / 1000; // 2 % … 8 %
  const makers: (() => ValuationRequest)[] = [
    () => ({ assetType: 'water_right', annualVolumeM3: int(10_000, 5_000_000), reliabilityFactor: int(60, 100) / 100, pricePerM3Fen: int(10, 90), priceGrowthRate: int(0, 30) / 1000, remainingYears: int(1, 10), discountRate: rate() }),
    () => ({ assetType: 'forest_right', forestType: 'timber', ageClass: 'young', areaHa: int(1, 500), qualityFactor: int(80, 120) / 100, discountRate: rate(), costsFenPerHaByYear: Array.from({ length: int(1, 8) }, () => int(20_000, 150_000)) }),
    () => ({ assetType: 'forest_right', forestType: 'timber', standAgeYears: int(12, 19), rotationAgeYears: int(22, 28), areaHa: int(1, 500), discountRate: rate(), finalHarvestNetFenPerHa: int(1_000_000, 5_000_000), thinnings: [{ ageYears: 21, netFenPerHa: int(100_000, 600_000) }], annualCostFenPerHa: int(5_000, 30_000) }),
    () => ({ assetType: 'forest_right', forestType: 'timber', ageClass: 'mature', areaHa: int(1, 500), harvestVolumeM3: int(100, 50_000), timberPriceFenPerM3: int(50_000, 150_000), costRate: int(25, 45) / 100, profitRate: int(5, 15) / 100 }),
    () => ({ assetType: 'forest_right', forestType: 'economic', standAgeYears: int(5, 15), rotationAgeYears: int(20, 30), areaHa: int(1, 200), discountRate: rate(), annualNetIncomeFenPerHa: int(100_000, 800_000) }),
    () => ({ assetType: 'forest_right', forestType: 'bamboo', areaHa: int(1, 200), discountRate: rate(), annualNetIncomeFenPerHa: int(30_000, 200_000), carbonSink: { annualSequestrationTco2e: int(10, 2_000), carbonPriceFenPerT: int(1_000, 8_000), years: int(1, 20), bufferRate: 0.2 } }),
    () => ({ assetType: 'emission_right', pollutant: 'COD', tonnes: int(1, 1_000), referencePriceFenPerTonne: int(2_000_000, 3_680_000), rightRemainingYears: int(1, 5) }),
    () => ({ assetType: 'carbon', kind: next() < 0.5 ? 'CEA' : 'CCER', quantityTco2e: int(1_000, 1_000_000), spotPriceFenPerT: int(5_000, 10_600), avg20dPriceFenPerT: int(5_000, 10_600) }),
    () => ({ assetType: 'land_right', areaMu: int(10, 10_000), annualNetIncomeFenPerMu: int(30_000, 150_000), remainingYears: int(1, 30), discountRate: rate(), improvementsFen: int(0, 10_000_000) }),
    () => ({ assetType: 'gep_site', cashFlowBacked: next() < 0.5, services: [
      { name: 'water conservation', quantity: int(100_000, 10_000_000), unit: 'm3', unitPriceFen: 706 },
      { name: 'sand fixation', quantity: int(10_000, 1_000_000), unit: 'm2', unitPriceFen: 375 },
    ] }),
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]!());
}

interface PlainFactors {
  price: number;
  volume: number;
  rateShift: number;
}

const POINT: PlainFactors = { price: 1, volume: 1, rateShift: 0 };
const CORNERS: PlainFactors[] = [-0.015, 0.015].flatMap((rateShift) => [0.8, 1.2].flatMap((price) => [0.85, 1.15].map((volume) => ({ price, volume, rateShift }))));

/** Point value in floating point: the same formulas with no range, haircut, rounding or record. */
function plainPointValue(r: ValuationRequest, f: PlainFactors = POINT): number {
  const annuity = (i: number, years: number, g = 0) => {
    let sum = 0;
    for (let t = 1; t <= years; t++) sum += (1 + g) ** (t - 1) / (1 + i) ** t;
    return sum;
  };
  const pv = f.price * f.volume;
  switch (r.assetType) {
    case 'water_right':
      return pv * r.annualVolumeM3 * (r.reliabilityFactor ?? 1) * r.pricePerM3Fen * annuity((r.discountRate ?? 0.045) + f.rateShift, r.remainingYears, r.priceGrowthRate ?? 0);
    case 'emission_right':
      return f.price * r.tonnes * r.referencePriceFenPerTonne;
    case 'carbon':
      return f.price * r.quantityTco2e * Math.min(r.spotPriceFenPerT, r.avg20dPriceFenPerT ?? r.spotPriceFenPerT);
    case 'land_right':
      return f.price * r.areaMu * r.annualNetIncomeFenPerMu * annuity((r.discountRate ?? 0.045) + f.rateShift, r.remainingYears) + (r.improvementsFen ?? 0);
    case 'gep_site':
      return pv * r.services.reduce((s, x) => s + x.quantity * x.unitPriceFen, 0);
    case 'forest_right': {
      const p = Math.max(0.01, (r.discountRate ?? 0.045) + f.rateShift);
      const k = (r.qualityFactor ?? 1) * pv;
      if (r.forestType === 'economic') return r.annualNetIncomeFenPerHa! * annuity(p, r.rotationAgeYears! - r.standAgeYears!) * r.areaHa;
      if (r.forestType !== 'timber') {
        const sink = r.carbonSink ? r.carbonSink.annualSequestrationTco2e * r.carbonSink.carbonPriceFenPerT * (1 - (r.carbonSink.bufferRate ?? 0.2)) * annuity(p, r.carbonSink.years) : 0;
        return (r.annualNetIncomeFenPerHa! / p) * r.areaHa + sink;
      }
      if (r.ageClass === 'young') {
        const n = r.costsFenPerHaByYear!.length;
        return k * r.costsFenPerHaByYear!.reduce((s, c, i) => s + c * (1 + p) ** (n - i), 0) * r.areaHa;
      }
      if (r.ageClass === 'mature') {
        const w = r.harvestVolumeM3! * r.timberPriceFenPerM3!;
        const c = w * r.costRate!;
        return w - c - c * r.profitRate!;
      }
      const n = r.standAgeYears!;
      const u = r.rotationAgeYears!;
      const atU = (r.thinnings ?? []).reduce((s, t) => s + t.netFenPerHa * (1 + p) ** (u - t.ageYears), r.finalHarvestNetFenPerHa!);
      return ((k * atU) / (1 + p) ** (u - n) - r.annualCostFenPerHa! * annuity(p, u - n)) * r.areaHa;
    }
  }
}

function time(label: string, work: () => number): number {
  const start = performance.now();
  const check = work();
  const seconds = (performance.now() - start) / 1000;
  const perSecond = REQUESTS / seconds;
  console.log(`${label.padEnd(48)} ${seconds.toFixed(3).padStart(8)} s  ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} requests/s  (checksum ${check.toExponential(6)})`);
  return seconds;
}

const requests = makeRequests(REQUESTS);
// warm-up so both sides run optimised code
for (const r of requests.slice(0, 2_000)) {
  valueAsset(r, config);
  plainPointValue(r);
}
const engine = time('valueAsset (exact, point + range + lending)', () => requests.reduce((s, r) => s + valueAsset(r, config).valueFen, 0));
const validation = time('validateValuationRequest (ajv, compiled once)', () => requests.reduce((s, r) => s + (validateValuationRequest(r) === r ? 1 : 0), 0));
const plain = time('plain float arithmetic, point value only', () => requests.reduce((s, r) => s + plainPointValue(r), 0));
const plainRange = time('plain float arithmetic, point + 8 corners', () =>
  requests.reduce((s, r) => s + plainPointValue(r) + CORNERS.reduce((c, f) => Math.min(c, plainPointValue(r, f)), Infinity), 0),
);

let worstFen = 0;
for (const r of requests) worstFen = Math.max(worstFen, Math.abs(valueAsset(r, config).valueFen - Math.max(0, plainPointValue(r))));
recordRatio('valuation', `time to value ${REQUESTS} requests`, 's', engine, 'plain float arithmetic, point + 8 corners', plainRange, undefined, { plainPointOnlySeconds: plain, validationSeconds: validation, worstFen });
console.log(`\nengine / plain arithmetic (point only): ${(engine / plain).toFixed(1)}×`);
console.log(`engine / plain arithmetic (point + 8 corners, the same evaluations as the engine): ${(engine / plainRange).toFixed(1)}×`);
console.log(`validation adds ${((validation / engine) * 100).toFixed(1)} % to valuation`);
console.log(`largest difference between exact (rounded) and float point values: ${worstFen.toFixed(3)} fen`);
