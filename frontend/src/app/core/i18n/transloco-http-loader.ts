import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { Observable } from 'rxjs';

/**
 * Loads `/i18n/<lang>.json` (served from `frontend/public/i18n`). Feature scopes load
 * `/i18n/<scope>/<lang>.json`, so each feature keeps its own translation files.
 */
@Injectable({ providedIn: 'root' })
export class TranslocoHttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string): Observable<Translation> {
    const path = lang.split('/').map(encodeURIComponent).join('/');
    return this.http.get<Translation>(`/i18n/${path}.json`);
  }
}
