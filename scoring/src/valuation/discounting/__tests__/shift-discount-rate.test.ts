import { exact, exactFromDecimal, exactReduce } from '../../../money/index.js';
import { shiftDiscountRate } from '../shift-discount-rate.js';
import { neutralAdjustment } from '../../neutral-adjustment.js';

const d = exactFromDecimal;
const shifted = (rate: number, shift: number, floor = 0.01) =>
  shiftDiscountRate(d(rate), { ...neutralAdjustment, discountRateShift: d(shift), discountRateFloor: d(floor) });

describe('shiftDiscountRate', () => {
  it('moves the rate by whole percentage points: 4.5 % ± 1.5 points is 3 % or 6 %', () => {
    expect(exactReduce(shifted(0.045, -0.015))).toEqual(d(0.03));
    expect(exactReduce(shifted(0.045, 0.015))).toEqual(d(0.06));
  });

  it('stops a lowered rate at the floor, or at the rate itself when that is lower', () => {
    expect(exactReduce(shifted(0.02, -0.015))).toEqual(d(0.01));
    expect(exactReduce(shifted(0.005, -0.015))).toEqual(d(0.005));
    expect(exactReduce(shifted(0, -0.015))).toEqual(exact(0n));
  });
});
