import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LoanQueueComponent } from './loan-queue.component';

/** The bank officer's queue of applications and loans. */
@Component({
  selector: 'app-loan-queue-page',
  imports: [TranslocoPipe, LoanQueueComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'loans.queueTitle' | transloco }}</h1>
        <p>{{ 'loans.queueSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-loan-queue />
  `,
})
export class LoanQueuePage {}
