import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LoanQueueComponent } from './loan-queue.component';

/** The approver's queue: recommendations waiting for a decision. */
@Component({
  selector: 'app-loan-approvals-page',
  imports: [TranslocoPipe, LoanQueueComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'loans.approvalsTitle' | transloco }}</h1>
        <p>{{ 'loans.approvalsSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-loan-queue initialState="PENDING_APPROVAL" />
  `,
})
export class LoanApprovalsPage {}
