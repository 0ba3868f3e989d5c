import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatBp, formatFen } from '../loans/loan-format';
import { BondsApi } from './bonds.api';
import { Bond } from './bonds.models';

/** The issuer's green bonds: state, proceeds, allocated share; new framework. */
@Component({
  selector: 'app-my-bonds-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'bonds.myTitle' | transloco }}</h1>
        <p>{{ 'bonds.mySubtitle' | transloco }}</p>
      </div>
      <div class="page-header__actions">
        <a matButton="filled" routerLink="/bonds/new" data-testid="bond-new">{{ 'bonds.newFramework' | transloco }}</a>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <table class="table" data-testid="bonds-table">
      <thead>
        <tr><th>{{ 'bonds.name' | transloco }}</th><th>{{ 'bonds.state' | transloco }}</th><th>{{ 'bonds.proceeds' | transloco }}</th><th>{{ 'bonds.allocatedShare' | transloco }}</th><th></th></tr>
      </thead>
      <tbody>
        @for (b of bonds(); track b.id) {
          <tr data-testid="bond-row" [attr.data-state]="b.state" [attr.data-bond-id]="b.id">
            <td>{{ b.name }}</td>
            <td><span class="chip" [attr.data-state]="b.state">{{ 'bonds.states.' + b.state | transloco }}</span></td>
            <td>{{ b.proceedsFen ? fen(b.proceedsFen) : '—' }}</td>
            <td>{{ b.proceedsFen ? bp(b.ledger.allocatedShareBp) : '—' }}</td>
            <td><a matButton="text" [routerLink]="['/bonds', b.id]" data-testid="bond-open">{{ 'bonds.open' | transloco }}</a></td>
          </tr>
        } @empty {
          <tr><td colspan="5" class="table-empty" data-testid="bonds-empty">{{ 'bonds.none' | transloco }}</td></tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .table { inline-size: 100%; border-collapse: collapse; }
    .table th, .table td { text-align: start; padding-block: 6px; padding-inline-end: 12px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
  `,
})
export class MyBondsPage implements OnInit {
  private readonly api = inject(BondsApi);
  protected readonly bonds = signal<Bond[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  protected readonly bp = formatBp;

  ngOnInit(): void {
    this.api.list().subscribe({ next: (p) => this.bonds.set(p.items), error: (e: unknown) => this.error.set(e) });
  }
}
