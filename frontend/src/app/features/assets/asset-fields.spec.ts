import { ASSET_FIELDS, detailsFromForm } from './asset-fields';

describe('detailsFromForm', () => {
  it('turns a forest right form into typed details and drops blank optional fields', () => {
    expect(
      detailsFromForm('forest_right', {
        certificateNumber: ' 新(2026)林权第0001号 ', location: '温宿县', areaHa: '120.5', species: '新疆杨', origin: 'planted',
        forestType: 'timber', standAgeYears: '26', rotationAgeYears: '25', stockVolumeM3: '9000', rightValidUntil: '2055-12-31', annualNetIncomeFenPerHa: '',
      }),
    ).toEqual({
      certificateNumber: '新(2026)林权第0001号', location: '温宿县', areaHa: 120.5, species: '新疆杨', origin: 'planted', forestType: 'timber',
      standAgeYears: 26, rotationAgeYears: 25, stockVolumeM3: 9000, rightValidUntil: '2055-12-31',
    });
  });

  it('parses the GEP services list and the cash-flow flag', () => {
    expect(detailsFromForm('gep_site', { siteCode: 'GEP-1', cashFlowBacked: true, services: '[{"name":"固碳","quantity":1}]' })).toEqual({
      siteCode: 'GEP-1', cashFlowBacked: true, services: [{ name: '固碳', quantity: 1 }],
    });
  });

  it('has a form for every asset type, each starting with its unique number', () => {
    expect(Object.values(ASSET_FIELDS).map((fields) => fields[0]!.key)).toEqual(['permitNumber', 'certificateNumber', 'permitNumber', 'registryAccount', 'contractNumber', 'siteCode', 'orderNumber']);
  });
});
