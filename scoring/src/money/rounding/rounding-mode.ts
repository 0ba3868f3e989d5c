/**
 * A rounding mode turns the exact quotient numerator/denominator (denominator > 0) into an
 * integer, as dinero.js v2's `divide` functions do. Modes are named and passed explicitly.
 */
export type RoundingMode = (numerator: bigint, denominator: bigint) => bigint;

export type RoundingName = 'half-even' | 'half-up' | 'half-down' | 'half-away-from-zero' | 'up' | 'down' | 'toward-zero';
