import { TestBed } from '@angular/core/testing';
import { setUpAssetsTestBed } from '../assets/assets-spec-helpers';
import { ValuationsApi } from './valuations.api';

describe('ValuationsApi', () => {
  it('fetches the stress-test PDF as a blob', () => {
    const http = setUpAssetsTestBed();
    TestBed.inject(ValuationsApi).stressReport().subscribe();
    expect(http.expectOne('/api/portfolio/stress/report.pdf').request.responseType).toBe('blob');
  });
});
