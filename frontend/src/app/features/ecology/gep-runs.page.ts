import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen } from '../loans/loan-format';
import { EcologyApi } from './ecology.api';
import { GepRun } from './ecology.models';

/** GEP runs in the caller's scope; a reviewer (never the preparer) reviews and publishes them. */
@Component({
  selector: 'app-gep-runs-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'ecology.runsTitle' | transloco }}</h1>
        <p>{{ 'ecology.runsSubtitle' | transloco }} <a routerLink="/public/gep" data-testid="gep-public-link">{{ 'ecology.publicLink' | transloco }}</a></p>
      </div>
      @if (canPrepare) {
        <div class="page-header__actions"><a matButton="filled" routerLink="/gep/new" data-testid="gep-new">{{ 'ecology.newRun' | transloco }}</a></div>
      }
    </header>
    <app-api-error [error]="error()" />
    <table class="runs">
      <thead><tr><th>{{ 'ecology.region' | transloco }}</th><th>{{ 'ecology.year' | transloco }}</th><th>{{ 'ecology.version' | transloco }}</th><th>{{ 'ecology.state' | transloco }}</th><th>{{ 'ecology.total' | transloco }}</th><th>{{ 'ecology.preparer' | transloco }}</th><th></th></tr></thead>
      <tbody>
        @for (r of runs(); track r.id) {
          <tr data-testid="gep-run-row" [attr.data-run-id]="r.id" [attr.data-state]="r.state" [attr.data-region]="r.region" [attr.data-year]="r.year">
            <td>{{ r.region }}</td><td>{{ r.year }}</td><td>v{{ r.version }}@if (r.changeNote) { <span class="muted">· {{ r.changeNote }}</span> }</td>
            <td>{{ 'ecology.states.' + r.state | transloco }}</td><td>{{ fen(r.result.totalFen) }}</td><td>{{ r.preparedBy?.username }}</td>
            <td class="actions">
              @if (canReview && r.allowedActions?.includes('review')) {
                <button matButton="filled" type="button" data-testid="gep-review" (click)="act(r.id, 'review')">{{ 'ecology.review' | transloco }}</button>
              }
              @if (canPrepare && r.allowedActions?.includes('correct')) {
                <a matButton="outlined" [routerLink]="['/gep', r.id, 'correct']" data-testid="gep-correct">{{ 'ecology.correct' | transloco }}</a>
              }
              @if (canReview && r.allowedActions?.includes('publish')) {
                <button matButton="filled" type="button" data-testid="gep-publish" (click)="act(r.id, 'publish')">{{ 'ecology.publish' | transloco }}</button>
              }
            </td>
          </tr>
        } @empty {
          <tr><td colspan="7" class="table-empty">{{ 'ecology.noRuns' | transloco }}</td></tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .runs { inline-size: 100%; border-collapse: collapse; }
    .runs th, .runs td { padding: 6px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
    .actions { display: flex; gap: 8px; }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class GepRunsPage implements OnInit {
  private readonly api = inject(EcologyApi);
  private readonly permissions = inject(AuthService).permissions();
  protected readonly canReview = this.permissions.has('gep.review');
  protected readonly canPrepare = this.permissions.has('gep.prepare');
  protected readonly runs = signal<GepRun[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;

  ngOnInit(): void {
    this.load();
  }

  protected act(id: string, action: 'review' | 'publish'): void {
    this.error.set(null);
    (action === 'review' ? this.api.review(id) : this.api.publish(id)).subscribe({ next: () => this.load(), error: (e: unknown) => this.error.set(e) });
  }

  private load(): void {
    this.api.runs().subscribe({ next: (res) => this.runs.set(res.items), error: (e: unknown) => this.error.set(e) });
  }
}
