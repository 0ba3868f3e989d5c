import fc from 'fast-check';
import { computePoints } from '../compute-points.js';
import { dayNumber } from '../day-number.js';
import { isoDateOfDay } from '../iso-date-of-day.js';
import type { PointsEvent, Subject } from '../types.js';
import { whatIf } from '../what-if.js';
import { accumulating, proof, weighted } from './fixtures.js';

const person: Subject = { id: 'person-1', type: 'individual' };
const asOf = '2026-03-10';
const asOfDay = dayNumber(asOf);
const gradeIds = accumulating.grades.map((g) => g.id);

const events = fc
  .array(
    fc.record({
      type: fc.constantFrom('walking_steps', 'bus_ride', 'garbage_sorting', 'illegal_discharge', 'formal_warning', 'incident'),
      day: fc.integer({ min: asOfDay - 40, max: asOfDay }),
      quantity: fc.integer({ min: 0, max: 200 }),
    }),
    { maxLength: 25 },
  )
  .map((list) => list.map((e, index): PointsEvent => ({ id: `e${index}`, type: e.type, occurredOn: isoDateOfDay(e.day), quantity: e.quantity, evidence: proof })));

describe('whatIf properties', () => {
  it('plans event actions that, done on the as-of day, reach the target grade', () => {
    fc.assert(
      fc.property(events, fc.constantFrom(...gradeIds), (list, target) => {
        const plan = whatIf(computePoints(person, { events: list }, accumulating, asOf), accumulating, target);
        if (!plan.reachable) return true;
        const done = plan.actions.map((action, index): PointsEvent => ({ id: `planned${index}`, type: action.kind === 'event' ? action.eventType : '', occurredOn: asOf, quantity: action.kind === 'event' ? action.quantity : 0, evidence: proof }));
        const after = computePoints(person, { events: [...list, ...done] }, accumulating, asOf);
        return gradeIds.indexOf(after.grade!) <= gradeIds.indexOf(target) && after.grade === plan.projectedGrade && after.totalCentipoints === plan.projectedTotalCentipoints;
      }),
    );
  });

  it('plans indicator improvements that, once measured, reach the target grade', () => {
    const inputs = fc.record({ compliance: fc.integer({ min: 85, max: 100 }), restoration: fc.integer({ min: 0, max: 100 }), permit: fc.boolean() });
    fc.assert(
      fc.property(inputs, fc.constantFrom(...gradeIds), (values, target) => {
        const indicators = [{ indicatorId: 'compliance', value: values.compliance, evidence: proof }, { indicatorId: 'restoration', value: values.restoration }, { indicatorId: 'permit', value: values.permit }];
        const plan = whatIf(computePoints({ id: 'f', type: 'enterprise' }, { indicators }, weighted, asOf), weighted, target);
        if (!plan.reachable) return false;
        const improved = indicators.map((input) => {
          const action = plan.actions.find((a) => a.kind === 'indicator' && a.indicatorId === input.indicatorId);
          const needed = action?.kind === 'indicator' ? action.requiredMeasure : undefined;
          return needed ? { ...input, value: needed.equals ?? needed.from ?? input.value } : input;
        });
        const after = computePoints({ id: 'f', type: 'enterprise' }, { indicators: improved }, weighted, asOf);
        return after.totalCentipoints === plan.projectedTotalCentipoints && gradeIds.indexOf(after.grade!) <= gradeIds.indexOf(target);
      }),
    );
  });
});
