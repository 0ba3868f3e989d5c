// A year of demo market prices ending today: water lease per basin, carbon (CEA, CCER, forestry),
// emission rights per pollutant and region, timber per species, land rent per prefecture. Figures
// follow the domain reference (asset-valuation.md); the movement is a fixed seasonal wave, not random.
import type { PriceObservation } from '../db/prices/price.repository.js';
import type { Platform } from '../platform.js';

interface DemoSeries {
  reference: string;
  unit: string;
  source: string;
  /** Level in fen per unit and the relative amplitude of its yearly wave. */
  levelFen: number;
  amplitude: number;
  /** Trading-day series (carbon) or the first day of each month. */
  daily: boolean;
}

export const demoPriceSeries: DemoSeries[] = [
  { reference: 'water_lease:塔里木河', unit: 'yuan/m3', source: '塔里木河流域水权收储交易（演示）', levelFen: 15, amplitude: 0.1, daily: false },
  { reference: 'water_lease:开都河-孔雀河', unit: 'yuan/m3', source: '巴州水权交易平台（演示）', levelFen: 22, amplitude: 0.1, daily: false },
  { reference: 'carbon:CEA', unit: 'yuan/tCO2e', source: '全国碳排放权交易市场收盘价（演示）', levelFen: 6_200, amplitude: 0.12, daily: true },
  { reference: 'carbon:CCER', unit: 'yuan/tCO2e', source: '全国温室气体自愿减排交易市场（演示）', levelFen: 7_000, amplitude: 0.1, daily: true },
  { reference: 'carbon:forestry', unit: 'yuan/tCO2e', source: '林业碳票交易（演示）', levelFen: 1_250, amplitude: 0.08, daily: true },
  { reference: 'emission:NOx:哈密', unit: 'yuan/tonne-year', source: '新疆排污权交易（演示）', levelFen: 800_000, amplitude: 0.05, daily: false },
  { reference: 'emission:SO2:哈密', unit: 'yuan/tonne-year', source: '新疆排污权交易（演示）', levelFen: 1_000_000, amplitude: 0.05, daily: false },
  { reference: 'emission:COD:喀什', unit: 'yuan/tonne-year', source: '新疆排污权交易（演示）', levelFen: 2_000_000, amplitude: 0.05, daily: false },
  { reference: 'emission:NH3-N:喀什', unit: 'yuan/tonne-year', source: '新疆排污权交易（演示）', levelFen: 4_000_000, amplitude: 0.05, daily: false },
  { reference: 'timber:新疆杨', unit: 'yuan/m3', source: '阿克苏木材市场（演示）', levelFen: 62_000, amplitude: 0.06, daily: false },
  { reference: 'land_rent:阿克苏', unit: 'yuan/mu-year', source: '阿克苏地区土地流转指导价（演示）', levelFen: 60_000, amplitude: 0.03, daily: false },
  { reference: 'land_rent:喀什', unit: 'yuan/mu-year', source: '喀什地区土地流转指导价（演示）', levelFen: 50_000, amplitude: 0.03, daily: false },
  { reference: 'land_rent:和田', unit: 'yuan/mu-year', source: '和田地区土地流转指导价（演示）', levelFen: 45_000, amplitude: 0.03, daily: false },
];

const dayMs = 24 * 3600 * 1000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The dates of the year up to today: weekdays for daily series, the 1st of each month otherwise. */
function datesOf(series: DemoSeries, today: Date): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const dates: string[] = [];
  for (let ms = end - 365 * dayMs; ms <= end; ms += dayMs) {
    const d = new Date(ms);
    const weekday = d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
    if (series.daily ? weekday : d.getUTCDate() === 1) dates.push(isoDate(ms));
  }
  return dates;
}

export function demoPriceObservations(today: Date): PriceObservation[] {
  return demoPriceSeries.flatMap((series) => datesOf(series, today).map((date, i, all) => {
    const phase = (2 * Math.PI * i) / Math.max(1, all.length - 1);
    return { reference: series.reference, date, unit: series.unit, source: series.source, priceFen: Math.round(series.levelFen * (1 + series.amplitude * Math.sin(phase))) };
  }));
}

export async function seedDemoPrices(platform: Platform): Promise<number> {
  const now = platform.clock.now();
  const observations = demoPriceObservations(now).map((o) => ({ ...o, recordedBy: 'demo-seed', recordedAt: now }));
  await platform.repositories.prices.insertMany(observations);
  return observations.length;
}
