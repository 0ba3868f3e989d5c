/** The languages the web app ships with. Add an entry (and `public/i18n/<id>.json`) to add one. */
export interface AppLanguage {
  id: string;
  /** Name of the language in that language, shown in the switcher. */
  label: string;
  /** Short label for compact buttons. */
  short: string;
}

export const APP_LANGUAGES: readonly AppLanguage[] = [
  { id: 'zh-CN', label: '简体中文', short: '中' },
  { id: 'en', label: 'English', short: 'EN' },
];

export const DEFAULT_LANGUAGE = 'zh-CN';

/** Primary subtags of scripts written right to left. */
const RTL_LANGUAGES = new Set(['ar', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

export function textDirection(lang: string): 'ltr' | 'rtl' {
  const primary = lang.split('-')[0]?.toLowerCase() ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

export function isSupportedLanguage(lang: string | null | undefined): lang is string {
  return !!lang && APP_LANGUAGES.some((l) => l.id === lang);
}
