import fc from 'fast-check';
import { computePoints } from '../compute-points.js';
import { dayNumber } from '../day-number.js';
import { isoDateOfDay } from '../iso-date-of-day.js';
import { monthNumber } from '../month-number.js';
import type { EventLine, PointsEvent, Subject } from '../types.js';
import { accumulating, proof, weighted } from './fixtures.js';

const person: Subject = { id: 'person-1', type: 'individual' };
const asOf = '2026-03-10';
const asOfDay = dayNumber(asOf);
const types = ['walking_steps', 'bus_ride', 'garbage_sorting', 'illegal_discharge', 'environmental_crime', 'formal_warning', 'incident', 'tree_hugging'];
const positiveTypes = ['walking_steps', 'bus_ride', 'garbage_sorting'];

const eventFields: fc.Arbitrary<EventFields> = fc.record({
  type: fc.constantFrom(...types),
  day: fc.integer({ min: asOfDay - 400, max: asOfDay + 3 }),
  quantity: fc.integer({ min: 0, max: 120 }),
  withEvidence: fc.boolean(),
  dedupKey: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
});

interface EventFields {
  type: string;
  day: number;
  quantity: number;
  withEvidence: boolean;
  dedupKey: string | undefined;
}

function toEvent(fields: EventFields, index: number): PointsEvent {
  return {
    id: `e${index}`,
    type: fields.type,
    occurredOn: isoDateOfDay(fields.day),
    quantity: fields.quantity,
    ...(fields.withEvidence ? { evidence: proof } : {}),
    ...(fields.dedupKey === undefined ? {} : { dedupKey: fields.dedupKey }),
  };
}

const events = fc.array(eventFields, { maxLength: 40 }).map((list) => list.map(toEvent));
const score = (list: PointsEvent[]) => computePoints(person, { events: list }, accumulating, asOf);

describe('computePoints properties', () => {
  it('gives the same result whatever the order of the events', () => {
    fc.assert(
      fc.property(
        events.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => JSON.stringify(score(list)) === JSON.stringify(score(shuffled)),
      ),
    );
  });

  it('gives byte-identical output for the same inputs', () => {
    fc.assert(fc.property(events, (list) => JSON.stringify(score(list)) === JSON.stringify(score(structuredClone(list)))));
  });

  it('never lowers the total when a positive event is added', () => {
    const added = fc.record({ type: fc.constantFrom(...positiveTypes), day: fc.integer({ min: asOfDay - 400, max: asOfDay + 3 }), quantity: fc.integer({ min: 0, max: 120 }) });
    fc.assert(
      fc.property(events, added, (list, extra) => {
        const more = [...list, { id: 'added', type: extra.type, occurredOn: isoDateOfDay(extra.day), quantity: extra.quantity }];
        return score(more).totalCentipoints >= score(list).totalCentipoints;
      }),
    );
  });

  it('never lets a subject hold more of a rule’s points than its daily or monthly cap', () => {
    fc.assert(
      fc.property(events, (list) => {
        const used = new Map<string, number>();
        for (const line of score(list).lines as EventLine[]) {
          const rule = accumulating.rules.find((r) => r.id === line.ruleId);
          if (!rule) continue;
          for (const [key, cap] of [[`${rule.id} day ${line.occurredOn}`, rule.dailyCapCentipoints], [`${rule.id} month ${monthNumber(line.occurredOn)}`, rule.monthlyCapCentipoints]] as const) {
            used.set(key, (used.get(key) ?? 0) + Math.abs(line.centipoints));
            if (cap !== undefined && used.get(key)! > cap) return false;
          }
        }
        return true;
      }),
    );
  });

  it('lets a veto in force win over any points', () => {
    const crime = fc.integer({ min: asOfDay - 1094, max: asOfDay }).map((day) => ({ id: 'crime', type: 'environmental_crime', occurredOn: isoDateOfDay(day), quantity: 1, evidence: proof }));
    fc.assert(fc.property(events, crime, (list, veto) => score([...list, veto]).grade === 'bottom'));
  });

  it('gives the same weighted result whatever the order of the indicator values', () => {
    const inputs = fc.tuple(fc.double({ min: 0, max: 120, noNaN: true }), fc.double({ min: -10, max: 110, noNaN: true }), fc.boolean()).map(([compliance, restoration, permit]) => [
      { indicatorId: 'compliance', value: compliance, evidence: proof },
      { indicatorId: 'restoration', value: restoration },
      { indicatorId: 'permit', value: permit },
    ]);
    fc.assert(
      fc.property(inputs.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: 3, maxLength: 3 }))), ([list, shuffled]) => {
        const firm: Subject = { id: 'f', type: 'enterprise' };
        return JSON.stringify(computePoints(firm, { indicators: list }, weighted, asOf)) === JSON.stringify(computePoints(firm, { indicators: shuffled }, weighted, asOf));
      }),
    );
  });

  it('keeps the weighted total within 0–100 points whatever the indicator values', () => {
    const value = fc.double({ min: -1000, max: 1000, noNaN: true });
    fc.assert(
      fc.property(value, value, fc.boolean(), (compliance, restoration, permit) => {
        const { totalCentipoints } = computePoints({ id: 'f', type: 'enterprise' }, { indicators: [{ indicatorId: 'compliance', value: compliance, evidence: proof }, { indicatorId: 'restoration', value: restoration }, { indicatorId: 'permit', value: permit }] }, weighted, asOf);
        return Number.isInteger(totalCentipoints) && totalCentipoints >= 0 && totalCentipoints <= 10000;
      }),
    );
  });
});
