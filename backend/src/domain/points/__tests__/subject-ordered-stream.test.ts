import { describe, expect, test } from '@jest/globals';
import { SubjectOrderedStream } from '../subject-ordered-stream.js';

async function* rows(...subjectIds: string[]) {
  for (const [i, subjectId] of subjectIds.entries()) yield { subjectId, n: i };
}

describe('a subject-ordered stream is consumed batch by batch', () => {
  test('each take returns the rows up to the given subject and keeps the next row for the following take', async () => {
    const stream = new SubjectOrderedStream(rows('a', 'a', 'b', 'd', 'd', 'e'));
    expect(await stream.takeThrough('b')).toEqual([{ subjectId: 'a', n: 0 }, { subjectId: 'a', n: 1 }, { subjectId: 'b', n: 2 }]);
    expect(await stream.takeThrough('c')).toEqual([]);
    expect(await stream.takeThrough('d')).toEqual([{ subjectId: 'd', n: 3 }, { subjectId: 'd', n: 4 }]);
    expect(await stream.takeThrough('z')).toEqual([{ subjectId: 'e', n: 5 }]);
    expect(await stream.takeThrough('z')).toEqual([]);
  });

  test('closing early ends the underlying pass', async () => {
    let closed = false;
    async function* pass() {
      try {
        yield { subjectId: 'a' };
        yield { subjectId: 'b' };
      } finally {
        closed = true;
      }
    }
    const stream = new SubjectOrderedStream(pass());
    expect(await stream.takeThrough('a')).toEqual([{ subjectId: 'a' }]);
    await stream.close();
    expect(closed).toBe(true);
  });
});
