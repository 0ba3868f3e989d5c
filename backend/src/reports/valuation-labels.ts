// Chinese names for the valuation report and the stress-test download.
import { formatYuan } from '@eco/scoring';

export const assetTypeNames: Record<string, string> = {
  water_right: '取水权（用水权）', forest_right: '林权', emission_right: '排污权', carbon: '碳资产（CEA/CCER/林业碳汇）', land_right: '土地经营权', gep_site: 'GEP 核算地块',
};

export const purposeNames: Record<string, string> = { preliminary: '初步估值（权利人自评）', lending: '贷款估值（银行）', revaluation: '重估（定时/价格变动）' };
export const confidenceNames: Record<string, string> = { high: '高', medium: '中', low: '低' };
export const sourceNames: Record<string, string> = { request: '资产登记/市场价格', default: '默认值', configuration: '估值配置' };
export const valueTypeNames: Record<string, string> = { market: '市场价值（可作为贷款依据）', accounting: '核算价值（仅供参考，不单独作为贷款依据）' };

export const yuan = (fen: number): string => `¥${formatYuan(fen)}`;
export const percent = (rate: number): string => `${(Math.round(rate * 10_000) / 100).toString()}%`;
export const ltvText = (ltv: number | null): string => (ltv === null ? '—（价值为 0）' : percent(ltv));
