import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Full-page "this did not work" message with a way home. */
@Component({
  selector: 'app-status-message',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="status" [attr.data-testid]="testId()">
      <span class="status__icon"><mat-icon [svgIcon]="icon()" aria-hidden="true" /></span>
      <h1>{{ titleKey() | transloco }}</h1>
      <p>{{ messageKey() | transloco }}</p>
      <a matButton="filled" routerLink="/home">{{ 'common.backHome' | transloco }}</a>
    </section>
  `,
  styles: `
    .status {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding-block: 64px;
      text-align: center;
    }
    .status__icon {
      display: grid;
      place-items: center;
      inline-size: 72px;
      block-size: 72px;
      border-radius: 50%;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    h1 {
      margin-block: 8px 0;
      font: var(--mat-sys-headline-small);
    }
    p {
      margin-block: 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class StatusMessageComponent {
  readonly icon = input.required<string>();
  readonly titleKey = input.required<string>();
  readonly messageKey = input.required<string>();
  readonly testId = input<string | null>(null);
}
