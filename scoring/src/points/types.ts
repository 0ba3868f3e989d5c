// Types of the ecological points engine. The JSON Schemas in schemas/points/ are the source of
// truth for the shapes; these types mirror them. All points are integers in hundredths of a point
// ("centipoints"); money is in fen; rates are in basis points (bp) or whole percent.
export type * from './rule-set-types.js';
export type * from './evidence-types.js';
export type * from './result-types.js';
export type * from './what-if-types.js';
export type * from './simulation-types.js';
