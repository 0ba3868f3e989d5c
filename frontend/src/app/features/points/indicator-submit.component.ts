import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { switchMap } from 'rxjs';
import { Notifier } from '../../core/errors/notifier.service';
import { LanguageService } from '../../core/i18n/language.service';
import { localizedLabel } from '../../core/i18n/localized-text';
import { RuleLabel } from './points.models';
import { PointsApi } from './points.api';

/** Enterprises and organisations: submit an indicator value with an evidence file; apply for credit repair when yellow or red. */
@Component({
  selector: 'app-indicator-submit',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" data-testid="indicator-submit">
      <h2>{{ 'points.submit.title' | transloco }}</h2>
      <form class="submit" (ngSubmit)="submit()">
        <mat-form-field>
          <mat-label>{{ 'points.submit.indicator' | transloco }}</mat-label>
          <mat-select name="indicator" [(ngModel)]="indicatorId" data-testid="indicator-id">
            @for (i of indicators(); track i.id) {
              <mat-option [value]="i.id">{{ i.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'points.submit.value' | transloco }}</mat-label>
          <input matInput type="number" name="value" [(ngModel)]="value" data-testid="indicator-value" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'points.submit.period' | transloco }}</mat-label>
          <input matInput name="period" [(ngModel)]="period" data-testid="indicator-period" />
        </mat-form-field>
        <input type="file" accept="application/pdf,image/png,image/jpeg" data-testid="indicator-file" (change)="pick($event)" />
        <button matButton="filled" type="submit" data-testid="indicator-save" [disabled]="!ready()">{{ 'points.submit.send' | transloco }}</button>
      </form>
      @if (mayRepair()) {
        <h2>{{ 'points.repair.title' | transloco }}</h2>
        <mat-form-field class="wide">
          <mat-label>{{ 'points.repair.reason' | transloco }}</mat-label>
          <textarea matInput rows="2" name="repairReason" [(ngModel)]="repairReason" data-testid="repair-reason"></textarea>
        </mat-form-field>
        <button matButton="tonal" type="button" data-testid="repair-apply" [disabled]="!file() || repairReason.trim().length < 5" (click)="applyForRepair()">
          {{ 'points.repair.apply' | transloco }}
        </button>
      }
    </section>
  `,
  styleUrl: './my-points.page.scss',
})
export class IndicatorSubmitComponent {
  private readonly api = inject(PointsApi);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  readonly labels = input.required<Record<string, RuleLabel>>();
  readonly mayRepair = input(false);
  readonly changed = output<void>();
  protected readonly indicators = computed(() => Object.entries(this.labels()).map(([id, l]) => ({ id, label: localizedLabel(l, this.language.lang()) })));
  protected readonly file = signal<File | null>(null);
  protected indicatorId = '';
  protected value: number | null = null;
  protected period = String(new Date().getFullYear());
  protected repairReason = '';

  protected ready(): boolean {
    return !!this.indicatorId && this.value !== null && /^\d{4}(-\d{2})?$/.test(this.period) && !!this.file();
  }

  protected pick(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected submit(): void {
    const file = this.file();
    if (!file || this.value === null) return;
    this.api
      .uploadDocument(file)
      .pipe(switchMap((doc) => this.api.submitIndicator({ indicatorId: this.indicatorId, value: Number(this.value), period: this.period, documentIds: [doc.id] })))
      .subscribe({
        next: () => {
          this.notifier.success('points.submit.sent');
          this.changed.emit();
        },
        error: (e: unknown) => this.notifier.error(e),
      });
  }

  protected applyForRepair(): void {
    const file = this.file();
    if (!file) return;
    this.api
      .uploadDocument(file)
      .pipe(switchMap((doc) => this.api.applyForRepair({ reason: this.repairReason.trim(), documentIds: [doc.id] })))
      .subscribe({
        next: () => {
          this.notifier.success('points.repair.filed');
          this.changed.emit();
        },
        error: (e: unknown) => this.notifier.error(e),
      });
  }
}
