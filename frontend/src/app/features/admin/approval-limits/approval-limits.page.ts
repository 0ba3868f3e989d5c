import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, forkJoin, of, shareReplay } from 'rxjs';
import { ApiErrorComponent } from '../../../core/errors/api-error.component';
import { Institution } from '../institutions/institutions.api';
import { UserRecord } from '../users/users.api';
import { ApprovalLimits, ApprovalLimitsApi } from './approval-limits.api';
import {
  MAX_TIERS, applyLimitsFieldError, fillLimits, limitsForm, limitsInput, revalidate, syncTierLimits, tierForm,
} from './approval-limits.form';

/** One row of the approver table: a bank approver, or an id the current version still names. */
export interface ApproverRow {
  id: string;
  name: string;
  username: string | null;
}

/** A bank's approvers: its users with the bank_approver role, plus ids the limits name but no such user has. */
export function approverRows(users: readonly UserRecord[], institutionId: string, named: readonly string[]): ApproverRow[] {
  const rows: ApproverRow[] = users
    .filter((u) => u.roles.includes('bank_approver') && (u.institutionId ?? u.institution?.id) === institutionId)
    .map((u) => ({ id: u.id, name: u.displayName, username: u.username }));
  for (const id of named) if (!rows.some((r) => r.id === id)) rows.push({ id, name: id, username: null });
  return rows;
}

/** Admin page: a bank's approval limits by amount tier, its approvers' levels, and publishing the next version. */
@Component({
  selector: 'app-approval-limits-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './approval-limits.page.html',
  styleUrl: './approval-limits.page.scss',
})
export class ApprovalLimitsPage {
  private readonly api = inject(ApprovalLimitsApi);

  protected readonly maxTiers = MAX_TIERS;
  protected readonly banks = signal<Institution[]>([]);
  protected readonly limits = signal<ApprovalLimits | null>(null);
  protected readonly approvers = signal<ApproverRow[]>([]);
  /** Tier values as the form holds them, for the level pickers. */
  protected readonly tierValues = signal<{ level: string; label: string }[]>([]);
  protected readonly levels = computed(() => this.tierValues().filter((t) => t.level !== ''));
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly published = signal<ApprovalLimits | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly usersError = signal<unknown>(null);

  protected readonly bank = new FormControl('', { nonNullable: true });
  protected readonly form = limitsForm();

  /** Every user, read once; approvers are picked per bank. Without the users permission, no approver rows. */
  private readonly users$ = this.api.users().pipe(
    catchError((e: unknown) => {
      this.usersError.set(e);
      return of([] as UserRecord[]);
    }),
    shareReplay(1),
  );

  constructor() {
    this.api.banks().subscribe({ next: (b) => this.banks.set(b), error: (e: unknown) => this.error.set(e) });
    this.bank.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => this.select(id));
    this.form.controls.tiers.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.syncLevels());
  }

  protected get tiers() {
    return this.form.controls.tiers;
  }

  protected addTier(): void {
    if (this.tiers.length >= MAX_TIERS) return;
    // A new tier goes below the top tier, which keeps approving any amount.
    this.tiers.insert(Math.max(0, this.tiers.length - 1), tierForm());
    syncTierLimits(this.tiers);
    this.syncLevels();
  }

  protected removeTier(index: number): void {
    if (this.tiers.length <= 1) return;
    this.tiers.removeAt(index);
    syncTierLimits(this.tiers);
    this.syncLevels();
  }

  protected publish(): void {
    const institutionId = this.bank.value;
    revalidate(this.form);
    this.form.markAllAsTouched();
    if (!institutionId || this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.published.set(null);
    this.api.publish(institutionId, limitsInput(this.form)).subscribe({
      next: (record) => {
        this.saving.set(false);
        this.show(record, this.approvers().filter((a) => a.username !== null || a.id in record.approverLevels).map((a) => a.id));
        this.published.set(record);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.error.set(e);
        applyLimitsFieldError(this.form, e);
      },
    });
  }

  private select(institutionId: string): void {
    this.limits.set(null);
    this.published.set(null);
    this.error.set(null);
    if (!institutionId) return;
    this.loading.set(true);
    forkJoin({ limits: this.api.current(institutionId), users: this.users$ }).subscribe({
      next: ({ limits, users }) => {
        this.loading.set(false);
        if (this.bank.value !== institutionId) return;
        const rows = approverRows(users, institutionId, Object.keys(limits.approverLevels));
        this.show(limits, rows.map((r) => r.id), rows);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(e);
      },
    });
  }

  private show(limits: ApprovalLimits, approverIds: string[], rows?: ApproverRow[]): void {
    if (rows) this.approvers.set(rows);
    else this.approvers.update((list) => list.filter((a) => approverIds.includes(a.id)));
    fillLimits(this.form, limits, approverIds);
    this.form.markAsPristine();
    this.form.markAsUntouched();
    this.limits.set(limits);
    this.syncLevels();
  }

  private syncLevels(): void {
    this.tierValues.set(this.tiers.getRawValue().map((t) => ({ level: t.level.trim(), label: t.label.trim() })));
  }
}
