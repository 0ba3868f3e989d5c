import { neutralAdjustment } from '../neutral-adjustment.js';
import { remainingYearsUnder } from '../remaining-years-under.js';

describe('remainingYearsUnder', () => {
  it('keeps the years without a cap and cuts them to the cap otherwise', () => {
    expect(remainingYearsUnder(8, neutralAdjustment)).toBe(8);
    expect(remainingYearsUnder(8, { ...neutralAdjustment, remainingYearsCap: 1 })).toBe(1);
    expect(remainingYearsUnder(0, { ...neutralAdjustment, remainingYearsCap: 1 })).toBe(0);
  });
});
