import { floorDivide } from '../floor-divide.js';

describe('floorDivide', () => {
  it('gives the floor and a remainder in [0, d): −7 / 2 = −4 remainder 1', () => {
    expect(floorDivide(-7n, 2n)).toEqual({ quotient: -4n, remainder: 1n });
    expect(floorDivide(7n, 2n)).toEqual({ quotient: 3n, remainder: 1n });
  });
});
