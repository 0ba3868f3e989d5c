import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { EvidenceUploadComponent, UploadedDocument } from './evidence-upload.component';
import { TraceabilityApi } from './traceability.api';
import { Batch, Certificate, SCHEMES, STEP_TYPES, StepType } from './traceability.models';

/**
 * The certified-products workspace: a certifier issues and revokes certificates; a producer registers
 * batches of its valid certified products; whoever performs a custody step (producer, certifier,
 * supply-chain company) records it — the server chains and signs it for the caller's institution.
 */
@Component({
  selector: 'app-traceability-page',
  imports: [TranslocoPipe, ApiErrorComponent, FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, EvidenceUploadComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'traceability.workspaceTitle' | transloco }}</h1>
      <p>{{ 'traceability.workspaceSubtitle' | transloco }}</p>
    </header>
    <app-api-error [error]="error()" />

    <section>
      <h2>{{ 'traceability.certificates' | transloco }}</h2>
      <table class="data" data-testid="certificate-list">
        <thead><tr><th>{{ 'traceability.certificateNumber' | transloco }}</th><th>{{ 'traceability.scheme' | transloco }}</th><th>{{ 'traceability.productName' | transloco }}</th><th>{{ 'traceability.producer' | transloco }}</th><th>{{ 'traceability.validity' | transloco }}</th><th></th></tr></thead>
        <tbody>
          @for (c of certificates(); track c.id) {
            <tr data-testid="certificate-row" [attr.data-validity]="c.validity">
              <td>{{ c.certificateNumber }}</td><td>{{ 'traceability.schemes.' + c.scheme | transloco }}</td><td>{{ c.productName }}</td><td>{{ c.producerName }}</td>
              <td>{{ 'traceability.validities.' + c.validity | transloco }} ({{ c.validUntil }})</td>
              <td>@if (canCertify() && c.state === 'ACTIVE') { <button mat-button type="button" (click)="revoke(c)" data-testid="certificate-revoke">{{ 'traceability.revoke' | transloco }}</button> }</td>
            </tr>
          } @empty { <tr><td colspan="6">{{ 'traceability.none' | transloco }}</td></tr> }
        </tbody>
      </table>
      @if (canCertify()) {
        <form class="form" (ngSubmit)="issue()" data-testid="certificate-form">
          <mat-form-field><mat-label>{{ 'traceability.certificateNumber' | transloco }}</mat-label><input matInput name="number" [(ngModel)]="cert.certificateNumber" required /></mat-form-field>
          <mat-form-field><mat-label>{{ 'traceability.scheme' | transloco }}</mat-label>
            <mat-select name="scheme" [(ngModel)]="cert.scheme">@for (s of schemes; track s) { <mat-option [value]="s">{{ 'traceability.schemes.' + s | transloco }}</mat-option> }</mat-select></mat-form-field>
          <mat-form-field><mat-label>{{ 'traceability.producerSubject' | transloco }}</mat-label>
            <mat-select name="producer" [(ngModel)]="cert.producerSubjectId">@for (p of producers(); track p.id) { <mat-option [value]="p.id">{{ p.name }}</mat-option> }</mat-select></mat-form-field>
          <mat-form-field><mat-label>{{ 'traceability.productName' | transloco }}</mat-label><input matInput name="product" [(ngModel)]="cert.productName" required /></mat-form-field>
          <mat-form-field class="wide"><mat-label>{{ 'traceability.scope' | transloco }}</mat-label><input matInput name="scope" [(ngModel)]="cert.scope" required /></mat-form-field>
          <mat-form-field><mat-label>{{ 'traceability.validFrom' | transloco }}</mat-label><input matInput type="date" name="from" [(ngModel)]="cert.validFrom" required /></mat-form-field>
          <mat-form-field><mat-label>{{ 'traceability.validUntil' | transloco }}</mat-label><input matInput type="date" name="until" [(ngModel)]="cert.validUntil" required /></mat-form-field>
          <app-evidence-upload testId="certificate-evidence" [label]="'traceability.evidence' | transloco" [removeLabel]="'traceability.removeDocument' | transloco" [(documents)]="certDocuments" (failed)="error.set($event)" />
          <button mat-flat-button type="submit" data-testid="certificate-issue">{{ 'traceability.issue' | transloco }}</button>
        </form>
      }
    </section>

    <section>
      <h2>{{ 'traceability.batches' | transloco }}</h2>
      <table class="data" data-testid="batch-list">
        <thead><tr><th>{{ 'traceability.batchCode' | transloco }}</th><th>{{ 'traceability.productName' | transloco }}</th><th>{{ 'traceability.quantity' | transloco }}</th><th>{{ 'traceability.origin' | transloco }}</th><th>{{ 'traceability.steps_count' | transloco }}</th><th></th></tr></thead>
        <tbody>
          @for (b of batches(); track b.id) {
            <tr data-testid="batch-row"><td>{{ b.code }}</td><td>{{ b.productName }}</td><td>{{ b.quantity }} {{ b.unit }}</td><td>{{ b.origin.assetName }}</td><td>{{ b.head.seq }}</td>
              <td><a [routerLink]="['/trace', b.code]" data-testid="batch-public-link">{{ 'traceability.openPublic' | transloco }}</a></td></tr>
          } @empty { <tr><td colspan="6">{{ 'traceability.none' | transloco }}</td></tr> }
        </tbody>
      </table>
      @if (canRegister()) {
        <form class="form" (ngSubmit)="register()" data-testid="batch-form">
          <mat-form-field><mat-label>{{ 'traceability.certificateId' | transloco }}</mat-label>
            <mat-select name="certificate" [(ngModel)]="batch.certificateId">@for (c of validCertificates(); track c.id) { <mat-option [value]="c.id">{{ c.certificateNumber }} · {{ c.productName }}</mat-option> }</mat-select></mat-form-field>
          <mat-form-field><mat-label>{{ 'traceability.originAsset' | transloco }}</mat-label><input matInput name="asset" [(ngModel)]="batch.originAssetId" required /></mat-form-field>
          <mat-form-field><mat-label>{{ 'traceability.quantity' | transloco }}</mat-label><input matInput type="number" name="qty" [(ngModel)]="batch.quantity" required /></mat-form-field>
          <mat-form-field><mat-label>{{ 'traceability.unit' | transloco }}</mat-label><input matInput name="unit" [(ngModel)]="batch.unit" required /></mat-form-field>
          <button mat-flat-button type="submit" data-testid="batch-register">{{ 'traceability.registerBatch' | transloco }}</button>
        </form>
      }
    </section>

    <section>
      <h2>{{ 'traceability.appendStep' | transloco }}</h2>
      <form class="form" (ngSubmit)="append()" data-testid="step-form">
        <mat-form-field><mat-label>{{ 'traceability.batchCode' | transloco }}</mat-label><input matInput name="code" [(ngModel)]="step.batchCode" required /></mat-form-field>
        <mat-form-field><mat-label>{{ 'traceability.stepType' | transloco }}</mat-label>
          <mat-select name="type" [(ngModel)]="step.type">@for (s of stepTypes; track s) { <mat-option [value]="s">{{ 'traceability.steps.' + s | transloco }}</mat-option> }</mat-select></mat-form-field>
        <mat-form-field><mat-label>{{ 'traceability.performedAt' | transloco }}</mat-label><input matInput type="datetime-local" name="at" [(ngModel)]="step.performedAt" required /></mat-form-field>
        <mat-form-field><mat-label>{{ 'traceability.location' | transloco }}</mat-label><input matInput name="location" [(ngModel)]="step.location" required /></mat-form-field>
        <mat-form-field class="wide"><mat-label>{{ 'traceability.description' | transloco }}</mat-label><input matInput name="description" [(ngModel)]="step.description" required /></mat-form-field>
        <app-evidence-upload testId="step-evidence" [label]="'traceability.evidence' | transloco" [removeLabel]="'traceability.removeDocument' | transloco" [(documents)]="stepDocuments" (failed)="error.set($event)" />
        <button mat-flat-button type="submit" data-testid="step-save">{{ 'traceability.save' | transloco }}</button>
      </form>
    </section>
  `,
  styles: `
    section { margin-block-end: 32px; }
    .data { inline-size: 100%; border-collapse: collapse; margin-block-end: 12px; }
    .data th, .data td { padding: 6px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
    .form { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: baseline; }
    .wide { min-inline-size: 24em; }
  `,
})
export class TraceabilityPage implements OnInit {
  private readonly api = inject(TraceabilityApi);
  private readonly auth = inject(AuthService);
  protected readonly schemes = SCHEMES;
  protected readonly stepTypes = STEP_TYPES;
  protected readonly certificates = signal<Certificate[]>([]);
  protected readonly batches = signal<Batch[]>([]);
  protected readonly producers = signal<{ id: string; name: string }[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly canCertify = computed(() => this.auth.permissions().has('certification.certify'));
  protected readonly canRegister = computed(() => this.auth.permissions().has('products.manage'));
  protected readonly validCertificates = computed(() => this.certificates().filter((c) => c.valid));
  protected cert = { certificateNumber: '', scheme: 'xinjiang_quality', producerSubjectId: '', productName: '', scope: '', validFrom: '', validUntil: '' };
  protected readonly certDocuments = signal<UploadedDocument[]>([]);
  protected readonly stepDocuments = signal<UploadedDocument[]>([]);
  protected batch = { certificateId: '', originAssetId: '', quantity: 0, unit: 'kg' };
  protected step: { batchCode: string; type: StepType; performedAt: string; location: string; description: string } = { batchCode: '', type: 'harvest', performedAt: '', location: '', description: '' };

  ngOnInit(): void {
    this.load();
    if (this.canCertify()) this.api.producers().subscribe({ next: (p) => this.producers.set(p), error: (e: unknown) => this.error.set(e) });
  }

  private load(): void {
    this.api.certificates().subscribe({ next: (r) => this.certificates.set(r.items), error: (e: unknown) => this.error.set(e) });
    this.api.batches().subscribe({ next: (r) => this.batches.set(r.items), error: (e: unknown) => this.error.set(e) });
  }

  private done = { next: () => { this.error.set(null); this.load(); }, error: (e: unknown) => this.error.set(e) };

  protected issue(): void {
    this.api.issue({ ...this.cert, documentIds: this.certDocuments().map((d) => d.id) }).subscribe({ next: () => { this.certDocuments.set([]); this.done.next(); }, error: this.done.error });
  }

  protected revoke(c: Certificate): void {
    this.api.revoke(c.id, '认证机构撤销').subscribe(this.done);
  }

  protected register(): void {
    this.api.registerBatch({ ...this.batch, quantity: Number(this.batch.quantity) }).subscribe(this.done);
  }

  protected append(): void {
    const performedAt = this.step.performedAt ? new Date(this.step.performedAt).toISOString() : '';
    const documentIds = this.stepDocuments().map((d) => d.id);
    this.api.appendStep({ ...this.step, batchCode: this.step.batchCode.trim().toUpperCase(), performedAt, ...(documentIds.length ? { documentIds } : {}) })
      .subscribe({ next: () => { this.stepDocuments.set([]); this.done.next(); }, error: this.done.error });
  }
}
