import { TestBed } from '@angular/core/testing';
import { setUpAssetsTestBed } from '../assets/assets-spec-helpers';
import { PricesApi } from './prices.api';

describe('PricesApi', () => {
  it('posts a CSV file as text/csv', () => {
    const http = setUpAssetsTestBed();
    const file = new File(['reference,date,price_yuan,unit,source\n'], 'prices.csv', { type: 'text/csv' });
    TestBed.inject(PricesApi).importCsv(file).subscribe();
    const request = http.expectOne('/api/prices/import');
    expect(request.request.headers.get('Content-Type')).toBe('text/csv');
    expect(request.request.body).toBe(file);
  });
});
