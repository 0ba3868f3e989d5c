import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../../core/auth/auth.service';
import { ErrorMessageService } from '../../../core/errors/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { LanguageSwitchComponent } from '../../../core/i18n/language-switch.component';

/** Only same-app paths are followed after login (no `//evil.example`, no absolute URLs). */
export function safeReturnUrl(url: string | null | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return '/home';
  if (url.startsWith('/login')) return '/home';
  return url;
}

const HIGHLIGHTS = ['points', 'loans', 'guarantees', 'bonds'] as const;

/**
 * Field errors only for touched fields: after a failed sign-in the password is cleared, and an
 * empty password should not turn red just because the form was submitted once.
 */
export class TouchedErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null): boolean {
    return !!control && control.invalid && control.touched;
  }
}

@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
    LanguageSwitchComponent,
  ],
  providers: [{ provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly errors = inject(ErrorMessageService);
  protected readonly language = inject(LanguageService);

  /** `?reason=session_expired|logged_out` (bound from the query string). */
  readonly reason = input<string | undefined>();
  /** `?returnUrl=/somewhere` (bound from the query string). */
  readonly returnUrl = input<string | undefined>();

  protected readonly highlights = HIGHLIGHTS;
  protected readonly submitting = signal(false);
  protected readonly hidePassword = signal(true);
  private readonly failure = signal<unknown>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.maxLength(64)]],
    password: ['', [Validators.required, Validators.maxLength(256)]],
  });

  protected readonly errorText = computed(() => {
    this.language.lang();
    const failure = this.failure();
    return failure === null ? null : this.errors.describe(failure);
  });

  protected readonly notice = computed(() => {
    const reason = this.reason();
    if (this.failure() !== null) return null;
    return reason === 'session_expired' || reason === 'logged_out' ? `login.notice.${reason}` : null;
  });

  protected submit(): void {
    if (this.submitting()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { username, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.failure.set(null);
    this.auth.login(username.trim(), password).subscribe({
      next: () => {
        this.submitting.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        this.failure.set(err);
        this.form.controls.password.reset('');
      },
    });
  }
}
