import { requireInput } from '../require-input.js';

describe('requireInput', () => {
  it('passes a present value through, 0 included', () => {
    expect(requireInput(0, 'x', 'm')).toBe(0);
  });

  it('names the missing field and the method', () => {
    expect(() => requireInput(undefined, 'annualCostFenPerHa', 'harvest present value')).toThrow(
      expect.objectContaining({ message: 'annualCostFenPerHa is required for the harvest present value method', field: 'annualCostFenPerHa' }),
    );
  });
});
