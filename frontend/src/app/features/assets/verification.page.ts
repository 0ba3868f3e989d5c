import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { AssetListComponent } from './asset-list.component';
import { AssetsApi } from './assets.api';
import { Asset } from './assets.models';

/** The verifier's queue: submitted assets, to confirm against their documents. */
@Component({
  selector: 'app-verification-page',
  imports: [TranslocoPipe, ApiErrorComponent, AssetListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'assets.verificationTitle' | transloco }}</h1>
        <p>{{ 'assets.verificationSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <app-asset-list [assets]="assets()" />
  `,
})
export class VerificationPage implements OnInit {
  private readonly api = inject(AssetsApi);
  protected readonly assets = signal<Asset[]>([]);
  protected readonly error = signal<unknown>(null);

  ngOnInit(): void {
    this.api.list({ state: 'submitted' }).subscribe({ next: (page) => this.assets.set(page.items), error: (e: unknown) => this.error.set(e) });
  }
}
