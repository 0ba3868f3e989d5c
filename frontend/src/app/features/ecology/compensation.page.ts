import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen } from '../loans/loan-format';
import { EcologyApi } from './ecology.api';
import { Agreement } from './ecology.models';

/** Basin compensation: the agreements the caller's government is party to, each period's settlement (P, flow, amount), confirm or object. */
@Component({
  selector: 'app-compensation-page',
  imports: [MatButtonModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'ecology.compensationTitle' | transloco }}</h1>
        <p>{{ 'ecology.compensationSubtitle' | transloco }}</p>
      </div>
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
                <td>{{ 'ecology.settlementStates.' + s.state | transloco }}</td>
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
  `,
})
export class CompensationPage implements OnInit {
  private readonly api = inject(EcologyApi);
  protected readonly agreements = signal<Agreement[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;

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
