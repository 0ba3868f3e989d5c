// Who a bank may see beyond its own records is decided by the loan workflow: a bank reads an
// applicant's score and an asset's valuation only while an application involves that bank.
// The loans area registers the answers here; until an application exists the answer is no.

export interface BankRelationshipSource {
  /** True when the subject has an application (draft excluded) offered to this institution. */
  subjectAppliedTo(institutionId: string, subjectId: string): Promise<boolean>;
  /** True when the asset is offered as pledge in an application to, or pledged to, this institution. */
  assetOfferedTo(institutionId: string, assetId: string): Promise<boolean>;
  /** Every asset offered as pledge in an application to this institution (for the bank's asset list). */
  assetsOfferedTo(institutionId: string): Promise<string[]>;
}

export class BankRelationships implements BankRelationshipSource {
  private readonly sources: BankRelationshipSource[] = [];

  register(source: BankRelationshipSource): void {
    this.sources.push(source);
  }

  async subjectAppliedTo(institutionId: string, subjectId: string): Promise<boolean> {
    for (const s of this.sources) if (await s.subjectAppliedTo(institutionId, subjectId)) return true;
    return false;
  }

  async assetOfferedTo(institutionId: string, assetId: string): Promise<boolean> {
    for (const s of this.sources) if (await s.assetOfferedTo(institutionId, assetId)) return true;
    return false;
  }

  async assetsOfferedTo(institutionId: string): Promise<string[]> {
    const lists = await Promise.all(this.sources.map((s) => s.assetsOfferedTo(institutionId)));
    return [...new Set(lists.flat())];
  }
}
