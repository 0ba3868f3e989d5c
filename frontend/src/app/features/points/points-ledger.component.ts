import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { Notifier } from '../../core/errors/notifier.service';
import { PointsApi } from './points.api';
import { formatDelta } from './points-format';
import { LedgerEntry } from './points.models';

const pageSize = 20;

/** The append-only ledger, newest first; an entry can be objected to (within the publicity window, checked by the API). */
@Component({
  selector: 'app-points-ledger',
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" data-testid="points-ledger">
      <h2>{{ 'points.ledger' | transloco }} ({{ total() }})</h2>
      <table class="lines">
        <thead>
          <tr>
            <th>#</th>
            <th>{{ 'points.recordedAt' | transloco }}</th>
            <th>{{ 'points.item' | transloco }}</th>
            <th>{{ 'points.rule' | transloco }}</th>
            <th class="num">{{ 'points.points' | transloco }}</th>
            <th>{{ 'points.reason' | transloco }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (e of entries(); track e.id) {
            <tr data-testid="ledger-entry" [attr.data-seq]="e.seq">
              <td class="mono">{{ e.seq }}</td>
              <td class="nowrap">{{ e.at | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td>{{ e.occurredOn ?? '' }} {{ e.eventType ?? e.indicatorId ?? '' }}</td>
              <td class="mono">{{ e.ruleId ?? '—' }} · {{ e.ruleSetId }}&#64;{{ e.ruleSetVersion }}</td>
              <td class="num">{{ formatDelta(e.centipoints) }}</td>
              <td>{{ 'points.reasons.' + e.reason | transloco }}</td>
              <td>
                @if (e.eventId) {
                  <button matButton="text" type="button" data-testid="ledger-object" (click)="objecting.set(e)">{{ 'points.objection.object' | transloco }}</button>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
      @if (entries().length < total()) {
        <button matButton="outlined" type="button" data-testid="ledger-more" (click)="more()">{{ 'points.more' | transloco }}</button>
      }
      @if (objecting(); as e) {
        <form class="objection" (ngSubmit)="submit(e)" data-testid="objection-form">
          <p>{{ 'points.objection.about' | transloco: { seq: e.seq } }}</p>
          <mat-form-field>
            <mat-label>{{ 'points.objection.reason' | transloco }}</mat-label>
            <textarea matInput name="reason" rows="3" data-testid="objection-reason" [(ngModel)]="reason"></textarea>
          </mat-form-field>
          <button matButton="filled" type="submit" data-testid="objection-submit" [disabled]="reason.trim().length < 5">{{ 'points.objection.submit' | transloco }}</button>
          <button matButton="text" type="button" (click)="objecting.set(null)">{{ 'common.cancel' | transloco }}</button>
        </form>
      }
    </section>
  `,
  styleUrl: './my-points.page.scss',
})
export class PointsLedgerComponent implements OnInit {
  private readonly api = inject(PointsApi);
  private readonly notifier = inject(Notifier);
  readonly subjectId = input.required<string>();
  readonly objected = output<void>();
  protected readonly entries = signal<LedgerEntry[]>([]);
  protected readonly total = signal(0);
  protected readonly objecting = signal<LedgerEntry | null>(null);
  protected readonly formatDelta = formatDelta;
  protected reason = '';

  ngOnInit(): void {
    this.api.ledger(this.subjectId(), pageSize, 0).subscribe({
      next: (page) => {
        this.entries.set(page.items);
        this.total.set(page.total);
      },
      error: (e: unknown) => this.notifier.error(e),
    });
  }

  protected more(): void {
    this.api.ledger(this.subjectId(), pageSize, this.entries().length).subscribe({
      next: (page) => this.entries.update((list) => [...list, ...page.items]),
      error: (e: unknown) => this.notifier.error(e),
    });
  }

  protected submit(entry: LedgerEntry): void {
    this.api.object({ target: 'ledger_entry', ledgerEntryId: entry.id, reason: this.reason.trim() }).subscribe({
      next: () => {
        this.notifier.success('points.objection.filed');
        this.objecting.set(null);
        this.reason = '';
        this.objected.emit();
      },
      error: (e: unknown) => this.notifier.error(e),
    });
  }
}
