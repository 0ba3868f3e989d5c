import { PointsInputError } from '../points-input-error.js';
import { validateEvidence } from '../validate-evidence.js';
import { validatePopulation } from '../validate-population.js';
import { event, proof } from './fixtures.js';

const subject = { id: 'person-1', type: 'individual' };

function pathOfRefusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PointsInputError) return error.path;
    throw error;
  }
  return 'accepted';
}

describe('validateEvidence', () => {
  it('accepts a subject with events and indicator values of every shape', () => {
    const evidence = {
      subject: { id: 'firm-1', type: 'enterprise', industry: 'C30', region: 'Lishui' },
      events: [event('a', 'bus_ride', '2026-03-01', 2, { evidence: proof, dedupKey: 'k' })],
      indicators: [{ indicatorId: 'a', value: 1.5 }, { indicatorId: 'b', value: true, evidence: proof }, { indicatorId: 'c', value: { current: 9, previous: 10 } }],
    };
    expect(validateEvidence(evidence)).toEqual(evidence);
  });

  it.each([
    ['a missing subject', {}, '/subject'],
    ['an unknown subject type', { subject: { id: 'x', type: 'robot' } }, '/subject/type'],
    ['an impossible date', { subject, events: [event('a', 'bus_ride', '2026-04-31')] }, '/events/0/occurredOn'],
    ['a fractional quantity', { subject, events: [event('a', 'bus_ride', '2026-03-01', 1.5)] }, '/events/0/quantity'],
    ['evidence without a document', { subject, events: [event('a', 'bus_ride', '2026-03-01', 1, { evidence: { source: 'x' } as never })] }, '/events/0/evidence/documentId'],
    ['two events with one id', { subject, events: [event('a', 'bus_ride', '2026-03-01'), event('a', 'bus_ride', '2026-03-02')] }, '/events/1/id'],
    ['two values for one indicator', { subject, indicators: [{ indicatorId: 'a', value: 1 }, { indicatorId: 'a', value: 2 }] }, '/indicators/1/indicatorId'],
    ['a text indicator value', { subject, indicators: [{ indicatorId: 'a', value: 'high' }] }, '/indicators/0/value'],
  ])('refuses %s with the path of the error', (_name, json, path) => {
    expect(pathOfRefusal(() => validateEvidence(json))).toBe(path);
  });
});

describe('validatePopulation', () => {
  it('accepts subjects with their evidence', () => {
    expect(validatePopulation({ subjects: [{ subject }, { subject: { ...subject, id: 'person-2' }, events: [event('a', 'bus_ride', '2026-03-01')] }] }).subjects).toHaveLength(2);
  });

  it.each([
    ['a missing subject list', {}, '/subjects'],
    ['two subjects with one id', { subjects: [{ subject }, { subject }] }, '/subjects/1/subject/id'],
    ['a bad event inside a subject', { subjects: [{ subject, events: [event('a', 'bus_ride', 'yesterday')] }] }, '/subjects/0/events/0/occurredOn'],
    ['two events with one id inside a subject', { subjects: [{ subject, events: [event('a', 'bus_ride', '2026-03-01'), event('a', 'bus_ride', '2026-03-01')] }] }, '/subjects/0/events/1/id'],
  ])('refuses %s with the path of the error', (_name, json, path) => {
    expect(pathOfRefusal(() => validatePopulation(json))).toBe(path);
  });
});
