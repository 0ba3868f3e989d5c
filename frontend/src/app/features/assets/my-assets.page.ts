import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { AssetListComponent } from './asset-list.component';
import { AssetsApi } from './assets.api';
import { Asset } from './assets.models';

/** The owner's register of ecological rights. */
@Component({
  selector: 'app-my-assets-page',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoPipe, ApiErrorComponent, AssetListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'assets.myTitle' | transloco }}</h1>
        <p>{{ 'assets.mySubtitle' | transloco }}</p>
      </div>
      <div class="page-header__actions">
        <a matButton="filled" routerLink="/assets/new" data-testid="asset-register"><mat-icon svgIcon="add" />{{ 'assets.register' | transloco }}</a>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <app-asset-list [assets]="assets()" />
  `,
})
export class MyAssetsPage implements OnInit {
  private readonly api = inject(AssetsApi);
  protected readonly assets = signal<Asset[]>([]);
  protected readonly error = signal<unknown>(null);

  ngOnInit(): void {
    this.api.list().subscribe({ next: (page) => this.assets.set(page.items), error: (e: unknown) => this.error.set(e) });
  }
}
