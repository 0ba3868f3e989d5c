import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen } from '../loans/loan-format';
import { BondsApi } from './bonds.api';
import { Bond, BondAllocation } from './bonds.models';

/** The checker's allocation approvals: allocations proposed by another user, approved or rejected (maker ≠ checker). */
@Component({
  selector: 'app-bond-allocations-page',
  imports: [MatButtonModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'bonds.approvalsTitle' | transloco }}</h1>
        <p>{{ 'bonds.approvalsSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <table class="table" data-testid="pending-allocations">
      <thead><tr><th>{{ 'bonds.name' | transloco }}</th><th>{{ 'bonds.projectName' | transloco }}</th><th>{{ 'bonds.amount' | transloco }}</th><th>{{ 'bonds.unallocated' | transloco }}</th><th>{{ 'bonds.maker' | transloco }}</th><th></th></tr></thead>
      <tbody>
        @for (row of pending(); track row.allocation.id) {
          <tr data-testid="pending-allocation" [attr.data-allocation-id]="row.allocation.id">
            <td>{{ row.bond.name }}</td>
            <td>{{ projectName(row.bond, row.allocation.projectId) }}</td>
            <td>{{ fen(row.allocation.amountFen) }}</td>
            <td>{{ fen(row.bond.ledger.unallocatedFen) }}</td>
            <td>{{ row.allocation.maker.username }}</td>
            <td>
              @if (row.allocation.maker.userId === userId()) {
                <span class="muted" data-testid="own-allocation">{{ 'bonds.ownAllocation' | transloco }}</span>
              } @else {
                <button matButton="filled" type="button" data-testid="allocation-approve" (click)="decide(row.bond.id, row.allocation.id, 'approve')">{{ 'bonds.approve' | transloco }}</button>
                <button matButton="text" type="button" data-testid="allocation-reject" (click)="decide(row.bond.id, row.allocation.id, 'reject')">{{ 'bonds.reject' | transloco }}</button>
              }
            </td>
          </tr>
        } @empty {
          <tr><td colspan="6" class="table-empty" data-testid="pending-empty">{{ 'bonds.noPending' | transloco }}</td></tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .table { inline-size: 100%; border-collapse: collapse; }
    .table th, .table td { text-align: start; padding-block: 6px; padding-inline-end: 12px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class BondAllocationsPage implements OnInit {
  private readonly api = inject(BondsApi);
  private readonly auth = inject(AuthService);
  protected readonly bonds = signal<Bond[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  protected readonly userId = computed(() => this.auth.user()?.id ?? '');
  protected readonly pending = computed<{ bond: Bond; allocation: BondAllocation }[]>(() =>
    this.bonds().flatMap((bond) => bond.allocations.filter((a) => a.state === 'PENDING').map((allocation) => ({ bond, allocation }))));

  ngOnInit(): void {
    this.load();
  }

  protected projectName(bond: Bond, projectId: string): string {
    return bond.projects.find((p) => p.id === projectId)?.name ?? projectId;
  }

  protected decide(bondId: string, allocationId: string, decision: 'approve' | 'reject'): void {
    this.api.decide(bondId, allocationId, decision).subscribe({ next: () => this.load(), error: (e: unknown) => this.error.set(e) });
  }

  private load(): void {
    this.api.list('ISSUED,ALLOCATING').subscribe({ next: (p) => this.bonds.set(p.items), error: (e: unknown) => this.error.set(e) });
  }
}
