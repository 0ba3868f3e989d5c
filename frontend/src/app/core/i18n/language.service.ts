import { Directionality } from '@angular/cdk/bidi';
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  APP_LANGUAGES,
  AppLanguage,
  DEFAULT_LANGUAGE,
  isSupportedLanguage,
  textDirection,
} from './languages';

const STORAGE_KEY = 'eco.lang';

/**
 * The active UI language. Switching loads the translation first, then flips Transloco,
 * `<html lang>` and `<html dir>` together, and remembers the choice.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  /** The app-wide direction Material reads (side nav, menus, dialogs, snack bars). */
  private readonly directionality = inject(Directionality);

  private readonly current = signal<string>(this.transloco.getActiveLang() || DEFAULT_LANGUAGE);

  readonly languages = APP_LANGUAGES;
  readonly lang = this.current.asReadonly();
  readonly dir = computed(() => textDirection(this.current()));
  readonly language = computed<AppLanguage>(
    () => APP_LANGUAGES.find((l) => l.id === this.current()) ?? APP_LANGUAGES[0]!,
  );
  /** The language the switch button offers next. */
  readonly next = computed<AppLanguage>(() => {
    const i = APP_LANGUAGES.findIndex((l) => l.id === this.current());
    return APP_LANGUAGES[(i + 1) % APP_LANGUAGES.length]!;
  });

  /** Called once at start-up: stored choice, else the default (zh-CN). */
  async init(): Promise<void> {
    await this.use(this.storedLanguage() ?? DEFAULT_LANGUAGE);
  }

  async use(lang: string): Promise<void> {
    const target = isSupportedLanguage(lang) ? lang : DEFAULT_LANGUAGE;
    try {
      await firstValueFrom(this.transloco.load(target));
    } catch {
      // Missing translation file: Transloco falls back to the default language.
    }
    this.transloco.setActiveLang(target);
    this.current.set(target);
    const dir = textDirection(target);
    const html = this.document.documentElement;
    html.lang = target;
    html.dir = dir;
    if (this.directionality.value !== dir) {
      this.directionality.valueSignal.set(dir);
      this.directionality.change.emit(dir);
    }
    try {
      localStorage.setItem(STORAGE_KEY, target);
    } catch {
      // Storage may be unavailable (private mode); the choice just isn't remembered.
    }
  }

  toggle(): Promise<void> {
    return this.use(this.next().id);
  }

  private storedLanguage(): string | null {
    try {
      const stored = localStorage.getItem(STORAGE_KEY);
      return isSupportedLanguage(stored) ? stored : null;
    } catch {
      return null;
    }
  }
}
