import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { LanguageService } from '../i18n/language.service';
import { ErrorMessageService } from './error-message.service';

/** Inline, readable display of a failed request (`data-testid="api-error"`). */
@Component({
  selector: 'app-api-error',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (description(); as d) {
      <div class="api-error" role="alert" data-testid="api-error" [attr.data-code]="d.code">
        <mat-icon svgIcon="error" aria-hidden="true" />
        <div class="api-error__body">
          <span class="api-error__message">{{ d.message }}</span>
          @if (d.fieldLabel) {
            <span class="api-error__field">{{ d.fieldLabel }}</span>
          }
        </div>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .api-error {
      margin-block-end: 16px;
      display: flex;
      align-items: flex-start;
      gap: 12px;
      padding-block: 12px;
      padding-inline: 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    mat-icon {
      flex: none;
    }
    .api-error__body {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
      padding-block-start: 2px;
    }
    .api-error__field {
      font: var(--mat-sys-label-medium);
      padding-block: 2px;
      padding-inline: 8px;
      border-radius: 999px;
      background: color-mix(in srgb, var(--mat-sys-error) 14%, transparent);
    }
  `,
})
export class ApiErrorComponent {
  private readonly messages = inject(ErrorMessageService);
  private readonly language = inject(LanguageService);

  /** Anything a request failed with; nothing is shown while it is null. */
  readonly error = input<unknown>(null);

  protected readonly description = computed(() => {
    this.language.lang(); // re-translate on language switch
    const error = this.error();
    return error === null || error === undefined ? null : this.messages.describe(error);
  });
}
