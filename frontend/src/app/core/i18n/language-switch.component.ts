import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from './language.service';

/** One button that switches to the next language (zh-CN ⇄ en). */
@Component({
  selector: 'app-language-switch',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      matButton
      type="button"
      class="lang-switch"
      data-testid="lang-switch"
      [attr.data-lang]="language.lang()"
      [attr.lang]="language.next().id"
      [matTooltip]="'layout.switchLanguage' | transloco"
      [attr.aria-label]="('layout.switchLanguage' | transloco) + ': ' + language.next().label"
      (click)="language.toggle()"
    >
      <mat-icon svgIcon="translate" aria-hidden="true" />
      <span>{{ language.next().label }}</span>
    </button>
  `,
  styles: `
    .lang-switch {
      color: inherit;
    }
  `,
})
export class LanguageSwitchComponent {
  protected readonly language = inject(LanguageService);
}
