// One pass over a collection in subject order, consumed batch by batch: each call takes the rows of
// the subjects up to a given id and keeps the first row beyond it for the next call.

export class SubjectOrderedStream<T extends { subjectId: string }> {
  private readonly iterator: AsyncIterator<T>;
  private pending: T | undefined;
  private done = false;

  constructor(rows: AsyncIterable<T>) {
    this.iterator = rows[Symbol.asyncIterator]();
  }

  /** The rows of every subject whose id is at most `lastSubjectId`. */
  async takeThrough(lastSubjectId: string): Promise<T[]> {
    const taken: T[] = [];
    for (;;) {
      const row = this.pending ?? (await this.pull());
      this.pending = undefined;
      if (!row) return taken;
      if (row.subjectId > lastSubjectId) {
        this.pending = row;
        return taken;
      }
      taken.push(row);
    }
  }

  /** Ends the pass early (closes the database cursor). */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.iterator.return?.();
  }

  private async pull(): Promise<T | undefined> {
    if (this.done) return undefined;
    const next = await this.iterator.next();
    if (next.done) this.done = true;
    return next.done ? undefined : next.value;
  }
}
