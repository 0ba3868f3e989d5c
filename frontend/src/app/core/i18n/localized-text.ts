import { Pipe, PipeTransform, inject } from '@angular/core';
import { LanguageService } from './language.service';

/** Text the server sends with translations beside it, e.g. a rule set's grade or rule label. */
export interface LocalizedLabel {
  label: string;
  labelI18n?: Record<string, string>;
  unit?: string;
  unitI18n?: Record<string, string>;
}

/** The label in `lang` when the data carries it, else the plain label. */
export const localizedLabel = (item: LocalizedLabel, lang: string): string => item.labelI18n?.[lang] ?? item.label;

/** The unit in `lang` when the data carries it, else the plain unit. */
export const localizedUnit = (item: LocalizedLabel, lang: string): string => item.unitI18n?.[lang] ?? item.unit ?? '';

/**
 * `{{ grade | localized }}` — the label in the active UI language. Impure so a language switch
 * re-renders it; the lookup is a property read.
 */
@Pipe({ name: 'localized', pure: false })
export class LocalizedPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(item: LocalizedLabel | null | undefined, part: 'label' | 'unit' = 'label'): string {
    if (!item) return '';
    return part === 'unit' ? localizedUnit(item, this.language.lang()) : localizedLabel(item, this.language.lang());
  }
}
