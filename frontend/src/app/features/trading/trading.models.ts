export interface Market {
  assetType: string;
  unit: string;
  lot: number;
  title: boolean;
  priceUnit: string;
}

export interface Book {
  market: string;
  asks: { priceFen: number; quantity: number }[];
  bids: { priceFen: number; quantity: number }[];
}

export interface TradeOrder {
  id: string;
  side: 'buy' | 'sell';
  market: string;
  assetType: string;
  priceReference: string;
  kind: 'sale' | 'lease';
  assetId: string | null;
  priceFen: number;
  quantity: number;
  remaining: number;
  state: 'AWAITING_CONSENT' | 'OPEN' | 'FILLED' | 'CANCELLED';
  consent: { institutionId: string; decision: 'pending' | 'consented' | 'refused'; note?: string } | null;
  placedAt: string;
}

export interface Trade {
  id: string;
  market: string;
  quantity: number;
  priceFen: number;
  valueFen: number;
  state: 'MATCHED' | 'SETTLED' | 'FAILED';
  settlementKey: string;
  matchedAt: string;
  sellerSubjectId: string;
  buyerSubjectId: string;
}

export interface PlacedOrder {
  order: TradeOrder;
  trades: Trade[];
}

/** "0.42" yuan → 42 fen, exactly (no floating point); null when not a yuan amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
