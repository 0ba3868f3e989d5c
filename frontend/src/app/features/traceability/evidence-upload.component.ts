import { HttpClient, HttpHeaders } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, model, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

export interface UploadedDocument {
  id: string;
  filename: string;
  sha256: string;
}

/**
 * Evidence documents for a form whose API accepts documentIds: each chosen file is uploaded at once
 * (POST /api/documents, raw body, X-Filename) and listed with its SHA-256; the form sends the ids.
 * Labels come translated from the page (the component serves several translation scopes).
 */
@Component({
  selector: 'app-evidence-upload',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="evidence" [attr.data-testid]="testId()">
      <label>{{ label() }} <input type="file" multiple accept="application/pdf,image/png,image/jpeg" [attr.data-testid]="testId() + '-file'" (change)="pick($event)" /></label>
      @if (uploading()) { <span [attr.data-testid]="testId() + '-uploading'">…</span> }
      <ul>
        @for (d of documents(); track d.id) {
          <li [attr.data-testid]="testId() + '-document'"><span>{{ d.filename }}</span> <code>SHA-256 {{ d.sha256 }}</code>
            <button mat-button type="button" [attr.aria-label]="removeLabel()" (click)="remove(d.id)">✕</button></li>
        }
      </ul>
    </div>
  `,
  styles: `
    .evidence { flex-basis: 100%; }
    ul { margin: 4px 0; padding-inline-start: 1.2em; }
    code { font-size: 0.8em; word-break: break-all; }
  `,
})
export class EvidenceUploadComponent {
  private readonly http = inject(HttpClient);
  readonly label = input.required<string>();
  readonly removeLabel = input('✕');
  readonly testId = input('evidence');
  /** The uploaded documents (two-way: the page clears it after a successful submission). */
  readonly documents = model<UploadedDocument[]>([]);
  /** An upload the server refused (shown by the page's error box). */
  readonly failed = output<unknown>();
  protected readonly uploading = signal(0);

  protected pick(event: Event): void {
    const target = event.target as HTMLInputElement;
    for (const file of Array.from(target.files ?? [])) {
      this.uploading.update((n) => n + 1);
      const headers = new HttpHeaders({ 'Content-Type': file.type || 'application/pdf', 'X-Filename': encodeURIComponent(file.name) });
      this.http.post<UploadedDocument>('/api/documents', file, { headers }).subscribe({
        next: (d) => { this.uploading.update((n) => n - 1); this.documents.update((list) => [...list, { id: d.id, filename: d.filename, sha256: d.sha256 }]); },
        error: (e: unknown) => { this.uploading.update((n) => n - 1); this.failed.emit(e); },
      });
    }
    target.value = '';
  }

  protected remove(id: string): void {
    this.documents.update((list) => list.filter((d) => d.id !== id));
  }
}
