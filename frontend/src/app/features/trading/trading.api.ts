import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Book, Market, PlacedOrder, Trade, TradeOrder } from './trading.models';

/** Ecological-rights trading: markets, the book, offers and bids, consents, trades. */
@Injectable({ providedIn: 'root' })
export class TradingApi {
  private readonly http = inject(HttpClient);

  markets(): Observable<Market[]> {
    return this.http.get<Market[]>('/api/trading/markets');
  }

  book(assetType: string, priceReference: string): Observable<Book> {
    return this.http.get<Book>('/api/trading/book', { params: new HttpParams().set('assetType', assetType).set('priceReference', priceReference) });
  }

  orders(state?: TradeOrder['state']): Observable<{ items: TradeOrder[]; total: number }> {
    let params = new HttpParams().set('limit', 100);
    if (state) params = params.set('state', state);
    return this.http.get<{ items: TradeOrder[]; total: number }>('/api/trading/orders', { params });
  }

  trades(): Observable<{ items: Trade[]; total: number }> {
    return this.http.get<{ items: Trade[]; total: number }>('/api/trading/trades', { params: new HttpParams().set('limit', 100) });
  }

  offer(body: Record<string, unknown>): Observable<PlacedOrder> {
    return this.http.post<PlacedOrder>('/api/trading/offers', body);
  }

  bid(body: Record<string, unknown>): Observable<PlacedOrder> {
    return this.http.post<PlacedOrder>('/api/trading/bids', body);
  }

  cancel(id: string): Observable<TradeOrder> {
    return this.http.post<TradeOrder>(`/api/trading/orders/${id}/cancel`, {});
  }

  consent(id: string, decision: 'consent' | 'refuse', note: string): Observable<PlacedOrder> {
    return this.http.post<PlacedOrder>(`/api/trading/orders/${id}/consent`, { decision, note });
  }

  myAssets(): Observable<{ items: { id: string; name: string; assetType: string; priceReference: string | null; state: string; encumbrance: { status: string } }[] }> {
    return this.http.get<{ items: { id: string; name: string; assetType: string; priceReference: string | null; state: string; encumbrance: { status: string } }[] }>('/api/assets', { params: new HttpParams().set('state', 'verified').set('limit', 100) });
  }
}
