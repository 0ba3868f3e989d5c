import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideAppIcons } from '../../core/icons/app-icons';
import { Asset } from './assets.models';
import { provideAssetsTranslocoTesting } from './assets-testing';

/** jsdom has no ResizeObserver; ngx-echarts watches its host with one. */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** TestBed for the asset pages: HTTP testing backend, router, icons, English translations with the `assets` scope. */
export function setUpAssetsTestBed(extra: (Provider | EnvironmentProviders)[] = []): HttpTestingController {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideAssetsTranslocoTesting(), provideAppIcons(), ...extra],
  });
  return TestBed.inject(HttpTestingController);
}

export const forestAsset: Asset = {
  id: '6b0bd6aaaa84b60e4b4ca0af', subjectId: 's1', assetType: 'forest_right', certificateNumber: '新(2026)林权第0001号', name: '温宿县新疆杨用材林',
  details: { areaHa: 120, species: '新疆杨' }, priceReference: 'timber:新疆杨', documents: [{ id: 'd1', filename: '林权证.pdf', sha256: 'ab'.repeat(32) }],
  state: 'submitted', review: null, encumbrance: { status: 'free', loanId: null, institutionId: null }, pledgedLoan: null,
  lastValuation: { valuationId: 'v1', valueFen: 123_456_789, valuedAt: '2026-11-29T08:00:00Z' }, createdAt: '2026-11-29T08:00:00Z',
};
