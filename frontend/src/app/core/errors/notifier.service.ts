import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import { toApiError } from './api-error';
import { ErrorSnackbarComponent } from './error-snackbar.component';

/** Codes the session handling already answers (by refreshing or going to the login page). */
const SESSION_CODES = new Set(['AUTH_TOKEN_EXPIRED', 'AUTH_TOKEN_INVALID', 'AUTH_REQUIRED']);

/** Snackbar messages: API errors (translated) and short confirmations. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  error(err: unknown): void {
    const error = toApiError(err);
    if (SESSION_CODES.has(error.code)) return;
    this.snackBar.openFromComponent(ErrorSnackbarComponent, {
      data: error,
      duration: 8000,
      panelClass: 'app-snackbar-error',
    });
  }

  success(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, {
      duration: 4000,
      panelClass: 'app-snackbar-success',
    });
  }
}
