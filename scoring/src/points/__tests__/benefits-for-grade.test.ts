import { benefitsForGrade } from '../benefits-for-grade.js';
import { gradeIndexForTotal } from '../grade-index-for-total.js';
import { gradeScale } from './fixtures.js';

const [top, , , bottom] = gradeScale([1000, 300, 0]);

describe('benefitsForGrade', () => {
  it('grants the grade’s rates and the redemption value of the points, rounded down to the fen', () => {
    expect(benefitsForGrade(top!, 123457)).toEqual({ grade: 'top', loanRateDiscountBp: 50, creditLimitUpliftPct: 20, guaranteeFeeDiscountBp: 10, priorityReview: true, redemptionValueFen: 123457 });
    expect(benefitsForGrade({ ...top!, benefits: { ...top!.benefits, redemptionFenPerPoint: 10 } }, 1239).redemptionValueFen).toBe(123);
  });

  it('gives a negative total no redemption value', () => {
    expect(benefitsForGrade(bottom!, -500)).toMatchObject({ grade: 'bottom', loanRateDiscountBp: -25, redemptionValueFen: 0 });
  });
});

describe('gradeIndexForTotal', () => {
  it.each([
    [100000, 0],
    [1000, 0],
    [999, 1],
    [300, 1],
    [0, 2],
    [-1, 3],
  ])('puts a total of %i in grade %i', (total, index) => {
    expect(gradeIndexForTotal(gradeScale([1000, 300, 0]), total)).toBe(index);
  });
});
