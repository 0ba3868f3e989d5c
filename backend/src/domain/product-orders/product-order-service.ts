// Product-order pledges (issue 14): the buyer confirms the order (a user of the buyer's subject or
// institution, or the seller attaches a signed confirmation while the order is a draft, which the
// platform verifier then checks); only a confirmed order can be pledged (AssetEncumbrance). When the
// buyer pays, the pledgee bank records the payment: it goes to the loan as a repayment first, and
// the pledge is released once the order is settled. The payment is recorded as an intent on the
// order first, so a retry with the same key finishes it without paying twice.
import { randomUUID } from 'node:crypto';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { Asset, OrderPayment } from '../../db/assets/asset.types.js';
import type { Loan } from '../../db/loans/loan.types.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, type Actor, type Principal } from '../identity/principal.js';

export type Caller = Actor & { principal: Principal };

interface OrderDetails {
  orderNumber: string;
  amountFen: number;
  paymentDate: string;
  buyerSubjectId?: string;
  buyerInstitutionId?: string;
}

export interface RepaymentPort {
  recordRepayment(actor: Caller, loanId: string, input: { amountFen: number; date: string }): Promise<Loan>;
}

export interface ReleasePort {
  release(assetId: string, loanId: string, actor?: Actor): Promise<unknown>;
}

const details = (asset: Asset) => asset.details as unknown as OrderDetails;
const userRef = (p: Principal) => ({ userId: p.userId, username: p.username });

export class ProductOrderService {
  constructor(private readonly deps: { assets: AssetRepository; documents: DocumentService; loans: RepaymentPort; encumbrance: ReleasePort; audit: AuditTrail; clock: Clock }) {}

  private isBuyer(principal: Principal, asset: Asset): boolean {
    const d = details(asset);
    return (!!principal.subjectId && d.buyerSubjectId === principal.subjectId) || (!!principal.institutionId && d.buyerInstitutionId === principal.institutionId);
  }

  private async order(id: string): Promise<Asset> {
    const asset = await this.deps.assets.findById(id);
    if (!asset || asset.assetType !== 'product_order') throw notFound('product order');
    return asset;
  }

  /** Orders naming the caller as buyer (its subject or its institution). */
  toConfirm(principal: Principal, page: PageRequest): Promise<Page<Asset>> {
    return this.deps.assets.listProductOrdersOfBuyer({ subjectId: principal.subjectId, institutionId: principal.institutionId }, page);
  }

  /** The buyer's user confirms the order (once; another caller sees 404). */
  async confirm(actor: Caller, id: string): Promise<Asset> {
    const asset = await this.order(id);
    if (!this.isBuyer(actor.principal, asset)) throw notFound('product order');
    const confirmation = { status: 'confirmed', method: 'buyer_user', by: userRef(actor.principal), at: this.deps.clock.now() };
    return this.setConfirmation(actor, asset, { state: { $ne: 'rejected' } }, { orderConfirmation: confirmation });
  }

  /** The seller attaches the buyer's signed confirmation to its draft order; the verifier checks it with the other documents. */
  async attachSignedConfirmation(actor: Caller, id: string, documentId: string): Promise<Asset> {
    if (!can(actor.principal, 'assets.register')) throw forbidden('assets.register');
    const asset = await this.order(id);
    if (!actor.principal.subjectId || asset.subjectId !== actor.principal.subjectId) throw notFound('product order');
    if (asset.state !== 'draft') throw new AppError('PRODUCT_ORDER_INVALID_STEP', `a signed confirmation is attached to a draft order; this one is ${asset.state}`, { details: { state: asset.state } });
    const [meta] = await this.deps.documents.requireOwned(actor.principal, [documentId], 'documentId');
    const document = { id: meta!.id, filename: meta!.filename, sha256: meta!.sha256 };
    const confirmation = { status: 'confirmed', method: 'signed_document', by: userRef(actor.principal), at: this.deps.clock.now(), document };
    const documents = asset.documents.some((d) => d.id === document.id) ? asset.documents : [...asset.documents, document];
    return this.setConfirmation(actor, asset, { state: 'draft', subjectId: asset.subjectId }, { orderConfirmation: confirmation, documents });
  }

  private async setConfirmation(actor: Caller, asset: Asset, expected: Record<string, unknown>, set: Record<string, unknown>): Promise<Asset> {
    const after = await this.deps.assets.compareAndSet(asset.id, { ...expected, assetType: 'product_order', orderConfirmation: null }, set);
    if (!after) {
      const now = await this.order(asset.id);
      if (now.orderConfirmation) throw new AppError('PRODUCT_ORDER_INVALID_STEP', 'the order is already confirmed', { details: { confirmation: now.orderConfirmation.method } });
      throw new AppError('PRODUCT_ORDER_INVALID_STEP', `the order cannot be confirmed while it is ${now.state}`, { details: { state: now.state } });
    }
    await this.deps.audit.append(actor, {
      action: 'product-order.confirm', entityType: 'asset', entityId: asset.id, subjectId: asset.subjectId,
      before: { confirmation: null }, after: { confirmation: after.orderConfirmation?.method ?? null, documentSha256: after.orderConfirmation?.document?.sha256 ?? null },
    });
    return after;
  }

  /**
   * The pledgee bank records the buyer's payment: intent on the order, then a repayment of the loan
   * (idempotency key order-payment:<key>), then the result on the order; once the payments reach the
   * order amount the order is settled and its pledge released.
   */
  async recordPayment(actor: Caller, id: string, input: { amountFen: number; date: string }): Promise<{ order: Asset; loan: Loan; settled: boolean }> {
    if (!can(actor.principal, 'loans.review')) throw forbidden('loans.review');
    let asset = await this.order(id);
    const institutionId = actor.principal.institutionId;
    if (!institutionId || asset.encumbrance.institutionId !== institutionId || asset.encumbrance.status === 'free') throw notFound('product order');
    const loanId = asset.encumbrance.loanId!;
    const key = actor.idempotencyKey ?? randomUUID();
    let entry = (asset.orderPayments ?? []).find((p) => p.key === key);
    if (!entry) {
      entry = { key, amountFen: input.amountFen, date: input.date, loanId, appliedToLoanFen: 0, recordedBy: actor.principal.username, at: this.deps.clock.now(), status: 'recording' } as OrderPayment & { status: string };
      const written = await this.deps.assets.compareAndSet(asset.id, { updatedAt: asset.updatedAt, 'orderPayments.key': { $ne: key } }, { orderPayments: [...(asset.orderPayments ?? []), entry] });
      if (!written) throw new AppError('CONFLICT', 'the order changed at the same moment; read it again and retry');
      asset = written;
    }
    const repaymentKey = `order-payment:${key}`;
    const loan = await this.deps.loans.recordRepayment({ ...actor, idempotencyKey: repaymentKey }, loanId, { amountFen: entry.amountFen, date: entry.date });
    const applied = Number(loan.repayments.find((r) => r['idempotencyKey'] === repaymentKey)?.['appliedFen'] ?? 0);
    const payments = (asset.orderPayments ?? []).map((p) => (p.key === key ? { ...p, appliedToLoanFen: applied, status: 'recorded' } : p));
    const paid = payments.reduce((s, p) => s + p.amountFen, 0);
    const settled = paid >= details(asset).amountFen;
    const finished = (await this.deps.assets.compareAndSet(asset.id, {}, { orderPayments: payments, ...(settled ? { 'details.settledAt': this.deps.clock.now().toISOString() } : {}) }))!;
    await this.deps.audit.append(actor, {
      action: 'product-order.payment', entityType: 'asset', entityId: asset.id, subjectId: asset.subjectId,
      after: { key, amountFen: entry.amountFen, loanId, appliedToLoanFen: applied, paidFen: paid, settled },
    });
    if (settled) {
      const now = (await this.deps.assets.findById(asset.id))!;
      if (now.encumbrance.status !== 'free' && now.encumbrance.loanId === loanId) await this.deps.encumbrance.release(asset.id, loanId, actor);
    }
    return { order: (await this.deps.assets.findById(asset.id)) ?? finished, loan, settled };
  }
}
