import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { agreementTermsFromForm, defaultTermsForm } from './agreement-terms-form';
import { EcologyApi } from './ecology.api';
import { Basin, Institution } from './ecology.models';

/** The administrator records an agreement between an upstream and a downstream government of a pilot basin: parties, period, objection window and terms. */
@Component({
  selector: 'app-agreement-form-page',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'ecology.newAgreementTitle' | transloco }}</h1>
        <p>{{ 'ecology.newAgreementSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <form class="form" (ngSubmit)="submit()">
      <div class="grid">
        <mat-form-field>
          <mat-label>{{ 'ecology.basin' | transloco }}</mat-label>
          <select matNativeControl name="basin" [(ngModel)]="basinCode" data-testid="agreement-basin" required>
            <option value=""></option>
            @for (b of basins(); track b.code) { <option [value]="b.code">{{ b.nameZh }}（{{ b.upstream.regionZh }} → {{ b.downstream.regionZh }}）</option> }
          </select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'ecology.upstream' | transloco }}</mat-label>
          <select matNativeControl name="up" [(ngModel)]="upstreamId" data-testid="agreement-upstream" required>
            <option value=""></option>
            @for (g of governments(); track g.id) { <option [value]="g.id">{{ g.name }}</option> }
          </select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'ecology.downstream' | transloco }}</mat-label>
          <select matNativeControl name="down" [(ngModel)]="downstreamId" data-testid="agreement-downstream" required>
            <option value=""></option>
            @for (g of governments(); track g.id) { <option [value]="g.id">{{ g.name }}</option> }
          </select>
        </mat-form-field>
        <mat-form-field class="span2"><mat-label>{{ 'ecology.agreementTitle' | transloco }}</mat-label><input matInput name="title" [(ngModel)]="title" data-testid="agreement-title" required /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.periodFrom' | transloco }}</mat-label><input matInput type="date" name="from" [(ngModel)]="periodFrom" data-testid="agreement-from" required /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.periodTo' | transloco }}</mat-label><input matInput type="date" name="to" [(ngModel)]="periodTo" data-testid="agreement-to" required /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.objectionWindowDays' | transloco }}</mat-label><input matInput type="number" name="window" [(ngModel)]="objectionWindowDays" data-testid="agreement-window" /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.upstreamContribution' | transloco }}</mat-label><input matInput name="cu" [(ngModel)]="terms.upstreamYuan" data-testid="agreement-contribution-up" /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.downstreamContribution' | transloco }}</mat-label><input matInput name="cd" [(ngModel)]="terms.downstreamYuan" data-testid="agreement-contribution-down" /></mat-form-field>
      </div>

      <mat-checkbox name="quality" [(ngModel)]="terms.quality" data-testid="agreement-quality">{{ 'ecology.waterQuality' | transloco }}</mat-checkbox>
      @if (terms.quality) {
        <div class="grid">
          <mat-form-field><mat-label>K0</mat-label><input matInput name="k0" [(ngModel)]="terms.k0" data-testid="agreement-k0" /></mat-form-field>
        </div>
        <table class="runs">
          <thead><tr><th>{{ 'ecology.pollutant' | transloco }}</th><th>{{ 'ecology.baseline' | transloco }} C₀ (mg/L)</th><th>{{ 'ecology.weight' | transloco }} k</th></tr></thead>
          <tbody>
            @for (p of terms.pollutants; track $index) {
              <tr><td><input [name]="'pc' + $index" [(ngModel)]="p.code" /></td><td><input [name]="'pb' + $index" [(ngModel)]="p.baseline" /></td><td><input [name]="'pw' + $index" [(ngModel)]="p.weight" /></td></tr>
            }
          </tbody>
        </table>
        <table class="runs">
          <thead><tr><th>{{ 'ecology.upToIndex' | transloco }}</th><th>{{ 'ecology.payer' | transloco }}</th><th>{{ 'ecology.amountYuan' | transloco }}</th></tr></thead>
          <tbody>
            @for (t of terms.schedule; track $index) {
              <tr>
                <td><input [name]="'tu' + $index" [(ngModel)]="t.upToIndex" [placeholder]="'ecology.noBound' | transloco" /></td>
                <td><select [name]="'tp' + $index" [(ngModel)]="t.payer"><option value="downstream">{{ 'ecology.party.downstream' | transloco }}</option><option value="upstream">{{ 'ecology.party.upstream' | transloco }}</option></select></td>
                <td><input [name]="'ta' + $index" [(ngModel)]="t.amountYuan" [attr.data-testid]="'agreement-tier-' + $index" /></td>
              </tr>
            }
          </tbody>
        </table>
      }

      <mat-checkbox name="quantity" [(ngModel)]="terms.quantity" data-testid="agreement-quantity">{{ 'ecology.waterQuantity' | transloco }}</mat-checkbox>
      @if (terms.quantity) {
        <div class="grid">
          <mat-form-field><mat-label>{{ 'ecology.agreedM3' | transloco }}</mat-label><input matInput name="agreed" [(ngModel)]="terms.agreedM3" data-testid="agreement-agreed-m3" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'ecology.shortfallRate' | transloco }}</mat-label><input matInput name="sr" [(ngModel)]="terms.shortfallRateFen" data-testid="agreement-shortfall-rate" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'ecology.surplusRate' | transloco }}</mat-label><input matInput name="ur" [(ngModel)]="terms.surplusRateFen" data-testid="agreement-surplus-rate" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'ecology.maxShortfall' | transloco }}</mat-label><input matInput name="ms" [(ngModel)]="terms.maxShortfallYuan" data-testid="agreement-max-shortfall" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'ecology.maxSurplus' | transloco }}</mat-label><input matInput name="mu" [(ngModel)]="terms.maxSurplusYuan" data-testid="agreement-max-surplus" /></mat-form-field>
        </div>
      }

      <mat-checkbox name="gep" [(ngModel)]="terms.gep" data-testid="agreement-gep">{{ 'ecology.gepAdjustment' | transloco }}</mat-checkbox>
      @if (terms.gep) {
        <div class="grid">
          <mat-form-field><mat-label>{{ 'ecology.gepShare' | transloco }}</mat-label><input matInput name="gs" [(ngModel)]="terms.gepShare" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'ecology.gepMax' | transloco }}</mat-label><input matInput name="gm" [(ngModel)]="terms.gepMaxYuan" /></mat-form-field>
        </div>
      }
      <button matButton="filled" type="submit" [disabled]="!basinCode || !upstreamId || !downstreamId || !title" data-testid="agreement-submit">{{ 'ecology.createAgreement' | transloco }}</button>
    </form>
  `,
  styles: `
    .form { display: flex; flex-direction: column; gap: 8px; max-inline-size: 960px; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 12px; }
    .span2 { grid-column: span 2; }
    .runs { border-collapse: collapse; }
    .runs th, .runs td { padding: 4px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
    .runs input, .runs select { font: inherit; padding: 4px; inline-size: 10em; }
  `,
})
export class AgreementFormPage implements OnInit {
  private readonly api = inject(EcologyApi);
  private readonly router = inject(Router);
  protected readonly basins = signal<Basin[]>([]);
  protected readonly governments = signal<Institution[]>([]);
  protected readonly error = signal<unknown>(null);
  protected basinCode = '';
  protected upstreamId = '';
  protected downstreamId = '';
  protected title = '';
  protected periodFrom = '';
  protected periodTo = '';
  protected objectionWindowDays = 30;
  protected terms = defaultTermsForm();

  ngOnInit(): void {
    this.api.basins().subscribe({ next: (r) => this.basins.set(r.items), error: (e: unknown) => this.error.set(e) });
    this.api.governments().subscribe({ next: (r) => this.governments.set(r.items), error: (e: unknown) => this.error.set(e) });
  }

  protected submit(): void {
    this.error.set(null);
    this.api.createAgreement({
      basinCode: this.basinCode, upstreamInstitutionId: this.upstreamId, downstreamInstitutionId: this.downstreamId, title: this.title.trim(),
      periodFrom: this.periodFrom, periodTo: this.periodTo, objectionWindowDays: Number(this.objectionWindowDays), terms: agreementTermsFromForm(this.terms),
    }).subscribe({ next: () => void this.router.navigate(['/compensation']), error: (e: unknown) => this.error.set(e) });
  }
}
