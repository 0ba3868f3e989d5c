import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { PAGE_SIZES } from '../../core/http/page';
import { AuditApi, AuditRecord, AuditVerification } from './audit.api';

/** First characters of a hash, enough to tell records apart at a glance. */
export function shortHash(hash: string | null | undefined): string {
  return hash ? `${hash.slice(0, 10)}…` : '—';
}

@Component({
  selector: 'app-audit-page',
  imports: [
    DatePipe,
    JsonPipe,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    TranslocoPipe,
    ApiErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit.page.html',
  styleUrl: './audit.page.scss',
})
export class AuditPage implements OnInit {
  private readonly api = inject(AuditApi);

  protected readonly columns = ['seq', 'at', 'actor', 'action', 'entity', 'requestId', 'hash'];
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly shortHash = shortHash;
  protected readonly items = signal<AuditRecord[]>([]);
  protected readonly total = signal(0);
  protected readonly pageSize = signal(PAGE_SIZES[1]!);
  protected readonly pageIndex = signal(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly expanded = signal<number | null>(null);

  protected readonly verifying = signal(false);
  protected readonly verification = signal<AuditVerification | null>(null);
  protected readonly verifyError = signal<unknown>(null);

  ngOnInit(): void {
    this.load();
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.load();
  }

  protected toggle(record: AuditRecord): void {
    this.expanded.update((seq) => (seq === record.seq ? null : record.seq));
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list(this.pageSize(), this.pageIndex() * this.pageSize()).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.total.set(page.total);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(err);
        this.loading.set(false);
      },
    });
  }

  protected verify(): void {
    this.verifying.set(true);
    this.verification.set(null);
    this.verifyError.set(null);
    this.api.verify().subscribe({
      next: (result) => {
        this.verification.set(result);
        this.verifying.set(false);
      },
      error: (err: unknown) => {
        this.verifyError.set(err);
        this.verifying.set(false);
      },
    });
  }
}
