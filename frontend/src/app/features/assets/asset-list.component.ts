import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Asset } from './assets.models';
import { formatFen } from './money-format';

/** A table of assets; each name links to the asset's page. */
@Component({
  selector: 'app-asset-list',
  imports: [MatTableModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-card">
      <div class="table-scroll">
        <table mat-table [dataSource]="assets()" data-testid="asset-table">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.name' | transloco }}</th>
            <td mat-cell *matCellDef="let a"><a [routerLink]="['/assets', a.id]" data-testid="asset-open">{{ a.name }}</a></td>
          </ng-container>
          <ng-container matColumnDef="type">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.type' | transloco }}</th>
            <td mat-cell *matCellDef="let a">{{ 'assets.types.' + a.assetType | transloco }}</td>
          </ng-container>
          <ng-container matColumnDef="number">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.certificateNumber' | transloco }}</th>
            <td mat-cell *matCellDef="let a" class="mono">{{ a.certificateNumber }}</td>
          </ng-container>
          <ng-container matColumnDef="state">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.state' | transloco }}</th>
            <td mat-cell *matCellDef="let a">
              <span class="chip" [class.chip--good]="a.state === 'verified'" [class.chip--bad]="a.state === 'rejected'" [attr.data-state]="a.state">{{ 'assets.states.' + a.state | transloco }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="encumbrance">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.encumbrance' | transloco }}</th>
            <td mat-cell *matCellDef="let a">{{ 'assets.encumbrances.' + a.encumbrance.status | transloco }}</td>
          </ng-container>
          <ng-container matColumnDef="value">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.lastValue' | transloco }}</th>
            <td mat-cell *matCellDef="let a" class="nowrap">{{ fen(a.lastValuation?.valueFen) }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let a; columns: columns" data-testid="asset-row" [attr.data-asset-id]="a.id"></tr>
        </table>
      </div>
      @if (!assets().length) {
        <div class="table-empty">{{ 'assets.empty' | transloco }}</div>
      }
    </div>
  `,
})
export class AssetListComponent {
  readonly assets = input.required<Asset[]>();
  protected readonly columns = ['name', 'type', 'number', 'state', 'encumbrance', 'value'];
  protected readonly fen = formatFen;
}
