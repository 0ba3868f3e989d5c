import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MAT_SNACK_BAR_DATA, MatSnackBarRef } from '@angular/material/snack-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from './api-error';
import { ErrorMessageService } from './error-message.service';

/** Snackbar body for an API error (`data-testid="api-error"`). */
@Component({
  selector: 'app-error-snackbar',
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row" role="alert" data-testid="api-error" [attr.data-code]="error.code">
      <mat-icon svgIcon="error" aria-hidden="true" />
      <span class="text">{{ text }}</span>
      <button matButton type="button" (click)="ref.dismiss()">{{ 'common.close' | transloco }}</button>
    </div>
  `,
  styles: `
    .row {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .text {
      flex: 1;
    }
  `,
})
export class ErrorSnackbarComponent {
  protected readonly ref = inject(MatSnackBarRef);
  protected readonly error = inject<ApiError>(MAT_SNACK_BAR_DATA);
  protected readonly text = inject(ErrorMessageService).message(this.error);
}
