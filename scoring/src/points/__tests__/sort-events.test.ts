import { sortEvents } from '../sort-events.js';
import { event } from './fixtures.js';

describe('sortEvents', () => {
  it('orders events by date, then by id, leaving the input untouched', () => {
    const input = [event('b', 'x', '2026-03-02'), event('c', 'x', '2026-03-01'), event('a', 'x', '2026-03-02')];
    expect(sortEvents(input).map((e) => e.id)).toEqual(['c', 'a', 'b']);
    expect(input.map((e) => e.id)).toEqual(['b', 'c', 'a']);
  });

  it('refuses two events with the same date and id, at the later one', () => {
    expect(() => sortEvents([event('a', 'x', '2026-03-01'), event('b', 'x', '2026-03-01'), event('a', 'y', '2026-03-01')])).toThrow(expect.objectContaining({ path: '/events/2/id', message: 'duplicate event id "a" on 2026-03-01' }));
  });
});
