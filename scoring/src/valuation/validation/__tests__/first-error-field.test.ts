import type { ErrorObject } from 'ajv';
import { firstErrorField } from '../first-error-field.js';

const error = (instancePath: string, keyword: string, params: Record<string, unknown> = {}): ErrorObject => ({ instancePath, keyword, params, schemaPath: '#' });

describe('firstErrorField', () => {
  it('turns a JSON pointer into a dotted path with indices', () => {
    expect(firstErrorField(error('/pledges/2/asset/areaHa', 'minimum'))).toBe('pledges[2].asset.areaHa');
  });

  it('names the missing, unknown or discriminating property', () => {
    expect(firstErrorField(error('', 'required', { missingProperty: 'remainingYears' }))).toBe('remainingYears');
    expect(firstErrorField(error('/haircuts', 'additionalProperties', { additionalProperty: 'fire' }))).toBe('haircuts.fire');
    expect(firstErrorField(error('', 'discriminator', { tag: 'assetType' }))).toBe('assetType');
  });

  it('calls the document itself (root)', () => {
    expect(firstErrorField(error('', 'type'))).toBe('(root)');
  });
});
