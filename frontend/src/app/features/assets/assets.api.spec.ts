import { TestBed } from '@angular/core/testing';
import { AssetsApi } from './assets.api';
import { setUpAssetsTestBed } from './assets-spec-helpers';

describe('AssetsApi', () => {
  it('uploads a document as raw bytes with its URI-encoded name', () => {
    const http = setUpAssetsTestBed();
    const file = new File(['%PDF'], '林权证.pdf', { type: 'application/pdf' });
    TestBed.inject(AssetsApi).uploadDocument(file).subscribe();
    const request = http.expectOne('/api/documents');
    expect(request.request.headers.get('X-Filename')).toBe(encodeURIComponent('林权证.pdf'));
    expect(request.request.headers.get('Content-Type')).toBe('application/pdf');
    expect(request.request.body).toBe(file);
  });

  it('requests a lending valuation', () => {
    const http = setUpAssetsTestBed();
    TestBed.inject(AssetsApi).requestValuation('a1', 'lending').subscribe();
    expect(http.expectOne('/api/assets/a1/valuations').request.body).toEqual({ purpose: 'lending' });
  });
});
