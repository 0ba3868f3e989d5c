import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { TraceabilityApi } from './traceability.api';
import { TraceView } from './traceability.models';

/**
 * The public product page a label's QR code opens (no login): the product and its origin, the
 * certificate and whether it is valid today, the custody chain step by step with each signature,
 * and whether the whole chain verifies (a changed, inserted or removed step is shown).
 */
@Component({
  selector: 'app-public-trace-page',
  imports: [TranslocoPipe, ApiErrorComponent, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="public">
      <header class="page-header">
        <h1>{{ 'traceability.publicTitle' | transloco }}</h1>
        <p>{{ 'traceability.publicSubtitle' | transloco }}</p>
      </header>
      <form class="lookup" (ngSubmit)="go()">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'traceability.code' | transloco }}</mat-label>
          <input matInput name="code" [(ngModel)]="codeInput" data-testid="trace-code-input" />
        </mat-form-field>
        <button mat-flat-button type="submit" data-testid="trace-lookup">{{ 'traceability.lookup' | transloco }}</button>
      </form>
      <app-api-error [error]="error()" />
      @if (trace(); as t) {
        <section class="verdict" data-testid="trace-verification" [attr.data-ok]="t.verification.ok" [class.ok]="t.verification.ok" [class.broken]="!t.verification.ok">
          @if (t.verification.ok) {
            <strong>{{ 'traceability.chainVerified' | transloco: { count: t.verification.checked } }}</strong>
          } @else {
            <strong>{{ 'traceability.chainBroken' | transloco: { seq: t.verification.firstBroken?.seq } }}</strong>
            <p data-testid="trace-broken-reason">{{ t.verification.firstBroken?.reason }}</p>
          }
        </section>
        <section class="product" data-testid="trace-product">
          <h2>{{ t.batch.productName }}</h2>
          <dl>
            <dt>{{ 'traceability.batchCode' | transloco }}</dt><dd data-testid="trace-batch-code">{{ t.batch.code }}</dd>
            <dt>{{ 'traceability.producer' | transloco }}</dt><dd>{{ t.batch.producerName }}</dd>
            <dt>{{ 'traceability.quantity' | transloco }}</dt><dd>{{ t.batch.quantity }} {{ t.batch.unit }}</dd>
            <dt>{{ 'traceability.origin' | transloco }}</dt><dd>{{ t.batch.origin.assetName }}（{{ t.batch.origin.certificateNumber }}）</dd>
          </dl>
        </section>
        @if (t.certificate; as c) {
          <section class="certificate" data-testid="trace-certificate" [attr.data-validity]="c.validity">
            <h2>{{ 'traceability.certificate' | transloco }}</h2>
            <dl>
              <dt>{{ 'traceability.scheme' | transloco }}</dt><dd>{{ 'traceability.schemes.' + c.scheme | transloco }}</dd>
              <dt>{{ 'traceability.certificateNumber' | transloco }}</dt><dd>{{ c.certificateNumber }}</dd>
              <dt>{{ 'traceability.certifier' | transloco }}</dt><dd>{{ c.certifierName }}</dd>
              <dt>{{ 'traceability.validity' | transloco }}</dt>
              <dd><span class="badge" [class.valid]="c.valid" data-testid="trace-certificate-validity">{{ 'traceability.validities.' + c.validity | transloco }}</span> {{ c.validFrom }} — {{ c.validUntil }}</dd>
              <dt>{{ 'traceability.scope' | transloco }}</dt><dd>{{ c.scope }}</dd>
            </dl>
          </section>
        }
        <section>
          <h2>{{ 'traceability.chain' | transloco }}</h2>
          <ol class="chain">
            @for (s of t.chain; track s.seq) {
              <li data-testid="trace-step" [attr.data-type]="s.type" [attr.data-valid]="s.hashValid && s.linkValid && s.signatureValid" [class.bad]="!(s.hashValid && s.linkValid && s.signatureValid)">
                <div class="step-head"><strong>{{ s.seq }}. {{ 'traceability.steps.' + s.type | transloco }}</strong> · {{ s.performedAt.slice(0, 10) }} · {{ s.performerName }}</div>
                <div>{{ s.location }} — {{ s.description }}</div>
                <div class="hash">
                  {{ (s.signatureValid ? 'traceability.signed' : 'traceability.notSigned') | transloco }} ·
                  {{ (s.hashValid ? 'traceability.hashOk' : 'traceability.hashBad') | transloco }} ·
                  <code>{{ s.hash.slice(0, 16) }}…</code>
                </div>
              </li>
            }
          </ol>
        </section>
        <section class="qr">
          <img [src]="qrUrl(t.batch.code)" [alt]="'traceability.qrAlt' | transloco" width="160" height="160" data-testid="trace-qr" />
          <p>{{ 'traceability.checkedOn' | transloco: { date: t.checkedOn } }}</p>
        </section>
      }
    </main>
  `,
  styles: `
    .public { max-inline-size: 960px; margin-inline: auto; padding: 24px 16px; }
    .lookup { display: flex; gap: 12px; align-items: baseline; }
    .verdict { padding: 12px 16px; border-radius: 12px; margin-block: 16px; }
    .verdict.ok { background: var(--mat-sys-primary-container); }
    .verdict.broken { background: var(--mat-sys-error-container); }
    dl { display: grid; grid-template-columns: 10em 1fr; gap: 4px 12px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    .badge { padding: 2px 8px; border-radius: 8px; background: var(--mat-sys-error-container); }
    .badge.valid { background: var(--mat-sys-primary-container); }
    .chain { padding-inline-start: 0; list-style: none; display: grid; gap: 8px; }
    .chain li { border-inline-start: 4px solid var(--mat-sys-primary); padding: 8px 12px; background: var(--mat-sys-surface-container-low); }
    .chain li.bad { border-inline-start-color: var(--mat-sys-error); }
    .hash { font-size: 0.85em; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class PublicTracePage implements OnInit {
  private readonly api = inject(TraceabilityApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly trace = signal<TraceView | null>(null);
  protected readonly error = signal<unknown>(null);
  protected codeInput = '';

  ngOnInit(): void {
    this.route.paramMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => {
      const code = params.get('code');
      if (!code) return;
      this.codeInput = code;
      this.error.set(null);
      this.api.lookup(code).subscribe({ next: (t) => this.trace.set(t), error: (e: unknown) => { this.trace.set(null); this.error.set(e); } });
    });
  }

  protected go(): void {
    const code = this.codeInput.trim().toUpperCase();
    if (code) void this.router.navigate(['/trace', code]);
  }

  protected qrUrl(code: string): string {
    return this.api.qrUrl(code, globalThis.location?.origin ?? '');
  }
}
