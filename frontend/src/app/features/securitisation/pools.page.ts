import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen } from '../loans/loan-format';
import { SecuritisationApi } from './securitisation.api';
import { Pool } from './securitisation.models';

/** The originating bank's loan pools (and, for a reviewer, the pools assigned to it): state, balance, loans. */
@Component({
  selector: 'app-pools-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'securitisation.poolsTitle' | transloco }}</h1>
        <p>{{ 'securitisation.poolsSubtitle' | transloco }}</p>
      </div>
      @if (canOriginate()) {
        <form class="page-header__actions" (submit)="$event.preventDefault(); create()">
          <input class="input" data-testid="pool-name" [value]="name()" (input)="name.set($any($event.target).value)" [attr.aria-label]="'securitisation.poolName' | transloco" [placeholder]="'securitisation.poolName' | transloco" />
          <button matButton="filled" type="submit" data-testid="pool-create" [disabled]="!name().trim()">{{ 'securitisation.newPool' | transloco }}</button>
        </form>
      }
    </header>
    <app-api-error [error]="error()" />
    <table class="table" data-testid="pools-table">
      <thead>
        <tr><th>{{ 'securitisation.poolName' | transloco }}</th><th>{{ 'securitisation.state' | transloco }}</th><th>{{ 'securitisation.loans' | transloco }}</th><th>{{ 'securitisation.balance' | transloco }}</th><th></th></tr>
      </thead>
      <tbody>
        @for (p of pools(); track p.id) {
          <tr data-testid="pool-row" [attr.data-state]="p.state">
            <td>{{ p.name }}</td>
            <td><span class="chip" [attr.data-state]="p.state">{{ 'securitisation.states.' + p.state | transloco }}</span></td>
            <td>{{ p.loanIds.length }}</td>
            <td>{{ fen(p.statistics?.balanceFen) }}</td>
            <td><a matButton="text" [routerLink]="['/securitisation', p.id]" data-testid="pool-open">{{ 'securitisation.open' | transloco }}</a></td>
          </tr>
        } @empty {
          <tr><td colspan="5" class="table-empty" data-testid="pools-empty">{{ 'securitisation.none' | transloco }}</td></tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .table { inline-size: 100%; border-collapse: collapse; }
    .table th, .table td { text-align: start; padding-block: 6px; padding-inline-end: 12px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
    .input { padding: 8px; min-inline-size: 280px; }
    .page-header__actions { display: flex; gap: 8px; align-items: center; }
  `,
})
export class PoolsPage implements OnInit {
  private readonly api = inject(SecuritisationApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly pools = signal<Pool[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly name = signal('');
  protected readonly fen = formatFen;
  protected readonly canOriginate = () => this.auth.permissions().has('securitisation.originate');

  ngOnInit(): void {
    this.api.list().subscribe({ next: (p) => this.pools.set(p.items), error: (e: unknown) => this.error.set(e) });
  }

  protected create(): void {
    this.api.create(this.name().trim()).subscribe({
      next: (pool) => void this.router.navigate(['/securitisation', pool.id]),
      error: (e: unknown) => this.error.set(e),
    });
  }
}
