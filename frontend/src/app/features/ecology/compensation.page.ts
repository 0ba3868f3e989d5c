import { KeyValuePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen, yuanToFen } from '../loans/loan-format';
import { basinHistoryOptions } from './ecology-charts';
import { EcologyApi } from './ecology.api';
import { Agreement, SettlementInput, SettlementPreview } from './ecology.models';

/** The settlement form of one agreement: period and the monitoring data its terms call for. */
interface SettlementDraft { period: string; means: Record<string, string>; deliveredM3: string; gepPreviousYuan: string; gepCurrentYuan: string }

/** Basin compensation: the agreements the caller's government is party to, each period's settlement (P, flow, amount), confirm or object. */
@Component({
  selector: 'app-compensation-page',
  imports: [KeyValuePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, TranslocoPipe, ApiErrorComponent, NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('echarts') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'ecology.compensationTitle' | transloco }}</h1>
        <p>{{ 'ecology.compensationSubtitle' | transloco }}</p>
      </div>
      @if (canManage) {
        <div class="page-header__actions"><a matButton="filled" routerLink="/compensation/new" data-testid="agreement-new">{{ 'ecology.newAgreement' | transloco }}</a></div>
      }
    </header>
    <app-api-error [error]="error()" />
    @for (a of agreements(); track a.id) {
      <article class="card" data-testid="agreement" [attr.data-basin]="a.basinCode">
        <h2>{{ a.basin.nameZh }} · {{ a.title }}</h2>
        <p class="muted">{{ 'ecology.upstream' | transloco }}：{{ a.upstreamName }} → {{ 'ecology.downstream' | transloco }}：{{ a.downstreamName }}@if (a.myParty) { · {{ 'ecology.myParty.' + a.myParty | transloco }} }</p>
        <table class="runs">
          <thead><tr><th>{{ 'ecology.period' | transloco }}</th><th>P</th><th>{{ 'ecology.flow' | transloco }}</th><th>{{ 'ecology.payer' | transloco }}</th><th>{{ 'ecology.amount' | transloco }}</th><th>{{ 'ecology.state' | transloco }}</th><th></th></tr></thead>
          <tbody>
            @for (s of a.settlements ?? []; track s.id) {
              <tr data-testid="settlement-row" [attr.data-period]="s.period" [attr.data-state]="s.state">
                <td>{{ s.period }}@if (s.round > 1) { ({{ s.round }}) }</td>
                <td>{{ s.result.qualityIndex?.index ?? '—' }}</td>
                <td>{{ s.monitoring.deliveredM3 ?? '—' }}</td>
                <td>{{ s.result.payer ? ('ecology.party.' + s.result.payer | transloco) : '—' }}</td>
                <td data-testid="settlement-amount">{{ fen(s.result.amountFen) }}</td>
                <td>{{ 'ecology.settlementStates.' + s.state | transloco }}@if (s.deemedAcceptance) { <span class="muted" data-testid="settlement-deemed">· {{ 'ecology.deemedAccepted' | transloco }}</span> }</td>
                <td class="actions">
                  <a [href]="'/api/compensation/settlements/' + s.id + '/statement.pdf'">PDF</a>
                  @if (s.state === 'PENDING_CONFIRMATION' && s.myParty && !s.confirmations[s.myParty]) {
                    <button matButton="filled" type="button" data-testid="settlement-confirm" (click)="confirm(a.id, s.id)">{{ 'ecology.confirm' | transloco }}</button>
                    @if (s.objectionOpen) {
                      <button matButton="text" type="button" data-testid="settlement-object" (click)="object(a.id, s.id)">{{ 'ecology.object' | transloco }}</button>
                    }
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if ((a.settlements ?? []).length) {
          <div echarts class="chart" data-testid="basin-history-chart" [options]="history(a)"></div>
        }
        @if (canManage && a.settlements) {
          @let d = draftFor(a.id);
          <details class="settle" data-testid="settlement-form">
            <summary>{{ 'ecology.runSettlement' | transloco }}</summary>
            <div class="grid">
              <mat-form-field><mat-label>{{ 'ecology.period' | transloco }}</mat-label><input matInput [(ngModel)]="d.period" data-testid="settlement-period" /></mat-form-field>
              @for (p of a.terms?.waterQuality?.pollutants ?? []; track p.code) {
                <mat-form-field><mat-label>{{ p.code }} (mg/L, C₀ {{ p.baseline }})</mat-label><input matInput [(ngModel)]="d.means[p.code]" [attr.data-testid]="'settlement-mean-' + p.code" /></mat-form-field>
              }
              @if (a.terms?.waterQuantity; as q) {
                <mat-form-field><mat-label>{{ 'ecology.deliveredM3' | transloco: { agreed: q.agreedM3 } }}</mat-label><input matInput [(ngModel)]="d.deliveredM3" data-testid="settlement-delivered" /></mat-form-field>
              }
              @if (a.terms?.gepAdjustment) {
                <mat-form-field><mat-label>{{ 'ecology.gepPrevious' | transloco }}</mat-label><input matInput [(ngModel)]="d.gepPreviousYuan" /></mat-form-field>
                <mat-form-field><mat-label>{{ 'ecology.gepCurrent' | transloco }}</mat-label><input matInput [(ngModel)]="d.gepCurrentYuan" /></mat-form-field>
              }
            </div>
            <button matButton="tonal" type="button" [disabled]="!d.period" (click)="preview(a)" data-testid="settlement-preview">{{ 'ecology.calculate' | transloco }}</button>
            @if (previews()[a.id]; as pv) {
              <div class="preview" data-testid="settlement-preview-result">
                @if (pv.existing) { <p class="alert">{{ 'ecology.periodTaken' | transloco: { state: ('ecology.settlementStates.' + pv.existing.state | transloco) } }}</p> }
                @if (pv.result.qualityIndex; as qi) {
                  <p data-testid="preview-index">P = {{ qi.k0 }} × Σ k·C/C₀ = <strong>{{ qi.index }}</strong> · {{ (qi.met ? 'ecology.indexMet' : 'ecology.indexNotMet') | transloco }}</p>
                  <table class="runs">
                    <thead><tr><th>{{ 'ecology.pollutant' | transloco }}</th><th>C</th><th>C₀</th><th>k</th><th>C/C₀</th><th>k·C/C₀</th></tr></thead>
                    <tbody>
                      @for (t of qi.terms ?? []; track t.code) { <tr><td>{{ t.code }}</td><td>{{ t.mean }}</td><td>{{ t.baseline }}</td><td>{{ t.weight }}</td><td>{{ t.ratio }}</td><td>{{ t.weighted }}</td></tr> }
                    </tbody>
                  </table>
                }
                <table class="runs">
                  <thead><tr><th>{{ 'ecology.line' | transloco }}</th><th>{{ 'ecology.basis' | transloco }}</th><th>{{ 'ecology.payer' | transloco }}</th><th>{{ 'ecology.amount' | transloco }}</th></tr></thead>
                  <tbody>
                    @for (l of pv.result.lines; track l.code) {
                      <tr data-testid="preview-line" [attr.data-code]="l.code">
                        <td>{{ 'ecology.lines.' + l.code | transloco }}</td>
                        <td class="basis">@for (b of l.basis ?? {} | keyvalue; track b.key) { <span>{{ b.key }}: {{ b.value }}</span> }</td>
                        <td>{{ l.payer ? ('ecology.party.' + l.payer | transloco) : '—' }}</td>
                        <td>{{ fen(l.amountFen) }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
                <p data-testid="preview-total"><strong>{{ pv.result.payer ? ('ecology.party.' + pv.result.payer | transloco) : '—' }} → {{ pv.result.payee ? ('ecology.party.' + pv.result.payee | transloco) : '—' }}：{{ fen(pv.result.amountFen) }}</strong></p>
                <button matButton="filled" type="button" [disabled]="!!pv.existing" (click)="run(a)" data-testid="settlement-run">{{ 'ecology.confirmRun' | transloco }}</button>
              </div>
            }
          </details>
        }
      </article>
    } @empty {
      <p class="table-empty">{{ 'ecology.noAgreements' | transloco }}</p>
    }
  `,
  styles: `
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; margin-block-end: 12px; }
    .card h2 { margin: 0 0 4px; font-size: 1rem; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .runs { inline-size: 100%; border-collapse: collapse; }
    .runs th, .runs td { padding: 6px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
    .actions { display: flex; gap: 8px; align-items: center; }
    .chart { block-size: 260px; margin-block: 8px; }
    .settle { margin-block: 8px; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 4px 12px; margin-block: 8px; }
    .preview { margin-block: 8px; }
    .basis { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 0.85em; }
    .alert { color: var(--mat-sys-error); }
  `,
})
export class CompensationPage implements OnInit {
  private readonly api = inject(EcologyApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly canManage = inject(AuthService).permissions().has('compensation.manage');
  protected readonly agreements = signal<Agreement[]>([]);
  protected readonly previews = signal<Record<string, SettlementPreview>>({});
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  private readonly drafts: Record<string, SettlementDraft> = {};
  private readonly charts = new Map<Agreement, Record<string, unknown>>();

  protected history(a: Agreement): Record<string, unknown> {
    let options = this.charts.get(a);
    if (!options) {
      options = basinHistoryOptions(a.settlements ?? [], { index: this.transloco.translate('ecology.qualityIndex'), flow: this.transloco.translate('ecology.flowMillion') });
      this.charts.set(a, options);
    }
    return options;
  }

  protected draftFor(id: string): SettlementDraft {
    return (this.drafts[id] ??= { period: '', means: {}, deliveredM3: '', gepPreviousYuan: '', gepCurrentYuan: '' });
  }

  /** The settlement body from the draft: only what the agreement's terms use. */
  protected settlementInput(a: Agreement): SettlementInput {
    const d = this.draftFor(a.id);
    const means = Object.fromEntries((a.terms?.waterQuality?.pollutants ?? []).map((p) => [p.code, String(d.means[p.code] ?? '').trim()]));
    return {
      period: d.period.trim(),
      monitoring: {
        ...(a.terms?.waterQuality ? { pollutantMeans: means } : {}),
        ...(a.terms?.waterQuantity ? { deliveredM3: d.deliveredM3.trim() } : {}),
        ...(a.terms?.gepAdjustment ? { upstreamRegulatingGep: { previousFen: yuanToFen(d.gepPreviousYuan) ?? 0, currentFen: yuanToFen(d.gepCurrentYuan) ?? 0 } } : {}),
      },
    };
  }

  protected preview(a: Agreement): void {
    this.error.set(null);
    this.api.previewSettlement(a.id, this.settlementInput(a)).subscribe({
      next: (pv) => this.previews.update((all) => ({ ...all, [a.id]: pv })),
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected run(a: Agreement): void {
    this.error.set(null);
    this.api.runSettlement(a.id, this.settlementInput(a)).subscribe({
      next: () => {
        this.previews.update((all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== a.id)));
        this.reload(a.id);
      },
      error: (e: unknown) => this.error.set(e),
    });
  }

  ngOnInit(): void {
    this.api.agreements().subscribe({
      next: (res) => {
        this.agreements.set(res.items);
        for (const a of res.items) this.reload(a.id);
      },
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected confirm(agreementId: string, id: string): void {
    this.api.confirm(id).subscribe({ next: () => this.reload(agreementId), error: (e: unknown) => this.error.set(e) });
  }

  protected object(agreementId: string, id: string): void {
    const reason = globalThis.prompt?.('') ?? '';
    if (!reason.trim()) return;
    this.api.object(id, reason.trim()).subscribe({ next: () => this.reload(agreementId), error: (e: unknown) => this.error.set(e) });
  }

  private reload(agreementId: string): void {
    this.api.agreement(agreementId).subscribe({
      next: (full) => this.agreements.update((list) => list.map((a) => (a.id === agreementId ? full : a))),
      error: (e: unknown) => this.error.set(e),
    });
  }
}
