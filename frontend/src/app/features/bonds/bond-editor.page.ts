import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { yuanToFen } from '../loans/loan-format';
import { BondsApi } from './bonds.api';
import { BondFramework, BondInput, STANDARDS, Standard, TaxonomyEntry } from './bonds.models';

interface ProjectRow { id?: string; name: string; taxonomyCode: string; prefecture: string; investmentYuan: string; benefits: Record<string, string> }

const emptyFramework = (): BondFramework => ({
  useOfProceeds: '', projectEvaluation: '', managementOfProceeds: '', reporting: '', standards: [], lookbackMonths: 36, temporaryPlacement: '',
});

/** The issuer's framework editor: the four components, the standards claimed, projects mapped to the green taxonomy with eligibility. */
@Component({
  selector: 'app-bond-editor-page',
  imports: [MatButtonModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'bonds.editorTitle' | transloco }}</h1>
        <p>{{ 'bonds.editorSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <form class="form" (submit)="$event.preventDefault(); save()">
      <label>{{ 'bonds.name' | transloco }}
        <input data-testid="bond-name" [value]="name()" (input)="name.set(value($event))" required />
      </label>
      <fieldset>
        <legend>{{ 'bonds.components' | transloco }}</legend>
        @for (c of components; track c) {
          <label>{{ 'bonds.component.' + c | transloco }}
            <textarea rows="3" [attr.data-testid]="'bond-' + c" [value]="framework()[c]" (input)="setComponent(c, value($event))"></textarea>
          </label>
        }
        <div class="standards" data-testid="bond-standards">
          {{ 'bonds.standardsClaimed' | transloco }}：
          @for (s of standards; track s) {
            <label class="inline"><input type="checkbox" [attr.data-testid]="'bond-standard-' + s" [checked]="framework().standards.includes(s)" (change)="toggleStandard(s)" /> {{ 'bonds.standard.' + s | transloco }}</label>
          }
        </div>
        <label>{{ 'bonds.lookbackMonths' | transloco }}
          <input type="number" min="0" max="60" data-testid="bond-lookback" [value]="framework().lookbackMonths" (input)="setLookback(value($event))" />
        </label>
        <label>{{ 'bonds.temporaryPlacement' | transloco }}
          <input data-testid="bond-placement" [value]="framework().temporaryPlacement" (input)="setComponent('temporaryPlacement', value($event))" />
        </label>
      </fieldset>
      <fieldset>
        <legend>{{ 'bonds.projects' | transloco }}</legend>
        @for (p of projects(); track $index; let i = $index) {
          <div class="project" data-testid="bond-project">
            <input [attr.aria-label]="'bonds.projectName' | transloco" [placeholder]="'bonds.projectName' | transloco" data-testid="project-name" [value]="p.name" (input)="patchProject(i, { name: value($event) })" />
            <select data-testid="project-taxonomy" [value]="p.taxonomyCode" (change)="patchProject(i, { taxonomyCode: value($event), benefits: {} })">
              <option value="">{{ 'bonds.pickTaxonomy' | transloco }}</option>
              @for (e of taxonomy(); track e.code) {
                <option [value]="e.code" [selected]="e.code === p.taxonomyCode">{{ e.code }} {{ e.zh }}</option>
              }
            </select>
            <span class="chip" data-testid="project-eligibility" [attr.data-eligible]="eligible(p.taxonomyCode)">
              {{ (p.taxonomyCode ? (eligible(p.taxonomyCode) ? 'bonds.eligible' : 'bonds.ineligible') : 'bonds.pickTaxonomy') | transloco }}
            </span>
            <input [placeholder]="'bonds.prefecture' | transloco" data-testid="project-prefecture" [value]="p.prefecture" (input)="patchProject(i, { prefecture: value($event) })" />
            <input [placeholder]="'bonds.investmentYuan' | transloco" data-testid="project-investment" [value]="p.investmentYuan" (input)="patchProject(i, { investmentYuan: value($event) })" />
            @for (m of measuresOf(p.taxonomyCode); track m) {
              <label class="inline">{{ 'bonds.measures.' + m | transloco }}
                <input class="measure" [attr.data-testid]="'project-benefit-' + m" [value]="benefitText(p, m)" (input)="setBenefit(i, m, value($event))" />
              </label>
            }
            <button matButton="text" type="button" (click)="removeProject(i)">{{ 'bonds.remove' | transloco }}</button>
          </div>
        }
        <button matButton="outlined" type="button" data-testid="project-add" (click)="addProject()">{{ 'bonds.addProject' | transloco }}</button>
      </fieldset>
      <div class="actions">
        <button matButton="filled" type="submit" data-testid="bond-save" [disabled]="saving()">{{ 'bonds.saveDraft' | transloco }}</button>
      </div>
    </form>
  `,
  styles: `
    .form { display: grid; gap: 12px; max-inline-size: 960px; }
    label { display: grid; gap: 4px; }
    label.inline { display: inline-flex; gap: 4px; align-items: center; margin-inline-end: 12px; }
    fieldset { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; display: grid; gap: 8px; }
    .project { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding-block: 6px; border-block-end: 1px dashed var(--mat-sys-outline-variant); }
    .measure { inline-size: 110px; }
    .chip[data-eligible='false'] { color: var(--mat-sys-error); }
  `,
})
export class BondEditorPage implements OnInit {
  /** Route parameter: the draft to edit (absent for a new framework). */
  readonly id = input<string | undefined>(undefined);
  private readonly api = inject(BondsApi);
  private readonly router = inject(Router);
  protected readonly components = ['useOfProceeds', 'projectEvaluation', 'managementOfProceeds', 'reporting'] as const;
  protected readonly standards = STANDARDS;
  protected readonly name = signal('');
  protected readonly framework = signal<BondFramework>(emptyFramework());
  protected readonly projects = signal<ProjectRow[]>([]);
  protected readonly taxonomy = signal<TaxonomyEntry[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly saving = signal(false);
  private readonly byCode = computed(() => new Map(this.taxonomy().map((e) => [e.code, e])));

  ngOnInit(): void {
    this.api.taxonomy().subscribe({ next: (t) => this.taxonomy.set(t.entries), error: (e: unknown) => this.error.set(e) });
    const id = this.id();
    if (id) {
      this.api.get(id).subscribe({
        next: (b) => {
          this.name.set(b.name);
          this.framework.set(b.framework);
          this.projects.set(b.projects.map((p) => ({
            id: p.id, name: p.name, taxonomyCode: p.taxonomyCode, prefecture: p.prefecture, investmentYuan: String(p.totalInvestmentFen / 100),
            benefits: Object.fromEntries(Object.entries(p.expectedBenefits).map(([k, v]) => [k, String(v)])),
          })));
        },
        error: (e: unknown) => this.error.set(e),
      });
    } else {
      this.addProject();
    }
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected eligible(code: string): boolean {
    return this.byCode().get(code)?.eligible ?? false;
  }

  protected benefitText(p: ProjectRow, measure: string): string {
    return Object.hasOwn(p.benefits, measure) ? p.benefits[measure]! : '';
  }

  protected measuresOf(code: string): string[] {
    return this.byCode().get(code)?.measures ?? [];
  }

  protected setComponent(key: keyof BondFramework, text: string): void {
    this.framework.update((f) => ({ ...f, [key]: text }));
  }

  protected setLookback(text: string): void {
    this.framework.update((f) => ({ ...f, lookbackMonths: Number(text) || 0 }));
  }

  protected toggleStandard(s: Standard): void {
    this.framework.update((f) => ({ ...f, standards: f.standards.includes(s) ? f.standards.filter((x) => x !== s) : [...f.standards, s] }));
  }

  protected addProject(): void {
    this.projects.update((ps) => [...ps, { name: '', taxonomyCode: '', prefecture: '', investmentYuan: '', benefits: {} }]);
  }

  protected removeProject(index: number): void {
    this.projects.update((ps) => ps.filter((_, i) => i !== index));
  }

  protected patchProject(index: number, patch: Partial<ProjectRow>): void {
    this.projects.update((ps) => ps.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  }

  protected setBenefit(index: number, measure: string, text: string): void {
    this.projects.update((ps) => ps.map((p, i) => (i === index ? { ...p, benefits: { ...p.benefits, [measure]: text } } : p)));
  }

  /** The API body: yuan → fen, benefit texts → numbers (empty ones left out). */
  body(): BondInput {
    return {
      name: this.name(),
      framework: this.framework(),
      projects: this.projects().map((p) => ({
        ...(p.id ? { id: p.id } : {}), name: p.name, taxonomyCode: p.taxonomyCode, prefecture: p.prefecture, totalInvestmentFen: yuanToFen(p.investmentYuan) ?? 0,
        expectedBenefits: Object.fromEntries(Object.entries(p.benefits).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, Number(v)])),
      })),
    };
  }

  protected save(): void {
    this.saving.set(true);
    const id = this.id();
    (id ? this.api.update(id, this.body()) : this.api.create(this.body())).subscribe({
      next: (b) => {
        this.saving.set(false);
        void this.router.navigate(['/bonds', b.id]);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.error.set(e);
      },
    });
  }
}
