import { AbstractControl, FormArray, FormControl, FormGroup, FormRecord, ValidationErrors, Validators } from '@angular/forms';
import { toApiError } from '../../../core/errors/api-error';
import { fenToYuan, yuanToFen } from '../../loans/loan-format';
import { ApprovalLimits, ApprovalLimitsInput } from './approval-limits.api';

/** Mirrors the level pattern of `schemas/api/loans/approval-limits.body.json`. */
export const LEVEL_PATTERN = /^[a-z_]{2,40}$/;
export const MAX_TIERS = 10;

export type TierForm = FormGroup<{ level: FormControl<string>; label: FormControl<string>; maxYuan: FormControl<string> }>;
export type LimitsForm = FormGroup<{
  tiers: FormArray<TierForm>;
  defaultLevel: FormControl<string>;
  /** User id → level ('' = the default level). */
  approverLevels: FormRecord<FormControl<string>>;
}>;

/** Yuan with at most two decimals, above zero and exact as integer fen. */
export function yuanAmount(control: AbstractControl<string>): ValidationErrors | null {
  if (control.value === '') return null;
  const fen = yuanToFen(control.value);
  return fen !== null && fen > 0 && Number.isSafeInteger(fen) ? null : { amount: true };
}

export function tierForm(tier: { level: string; label: string; maxAmountFen?: number | undefined } = { level: '', label: '' }): TierForm {
  return new FormGroup({
    level: new FormControl(tier.level, { nonNullable: true, validators: [Validators.required, Validators.pattern(LEVEL_PATTERN)] }),
    label: new FormControl(tier.label, { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    maxYuan: new FormControl(fenToYuan(tier.maxAmountFen), { nonNullable: true, validators: [yuanAmount] }),
  });
}

export function limitsForm(): LimitsForm {
  return new FormGroup({
    tiers: new FormArray<TierForm>([]),
    defaultLevel: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    approverLevels: new FormRecord<FormControl<string>>({}),
  });
}

/** Every tier but the last needs a maximum; the last (top) tier approves any amount. */
export function syncTierLimits(tiers: FormArray<TierForm>): void {
  tiers.controls.forEach((tier, i) => {
    const max = tier.controls.maxYuan;
    if (i === tiers.length - 1) {
      max.setValue('', { emitEvent: false });
      max.disable({ emitEvent: false });
    } else {
      max.enable({ emitEvent: false });
      max.setValidators([Validators.required, yuanAmount]);
      max.updateValueAndValidity({ emitEvent: false });
    }
  });
}

/** Fills the form with a bank's limits and one approver-level control per approver id. */
export function fillLimits(form: LimitsForm, limits: ApprovalLimits, approverIds: readonly string[]): void {
  const tiers = form.controls.tiers;
  // Existing tier groups are reused (their rows stay on screen); only the count changes.
  while (tiers.length > limits.tiers.length) tiers.removeAt(tiers.length - 1, { emitEvent: false });
  while (tiers.length < limits.tiers.length) tiers.push(tierForm(), { emitEvent: false });
  limits.tiers.forEach((tier, i) => {
    tiers.at(i).enable({ emitEvent: false });
    tiers.at(i).reset({ level: tier.level, label: tier.label, maxYuan: fenToYuan(tier.maxAmountFen) }, { emitEvent: false });
  });
  syncTierLimits(tiers);
  form.controls.defaultLevel.setValue(limits.defaultLevel, { emitEvent: false });
  const approvers = form.controls.approverLevels;
  for (const id of Object.keys(approvers.controls)) approvers.removeControl(id, { emitEvent: false });
  for (const id of approverIds) approvers.addControl(id, new FormControl(limits.approverLevels[id] ?? '', { nonNullable: true }), { emitEvent: false });
  form.updateValueAndValidity();
}

/** The PUT body: amounts as integer fen, the top tier without a limit, only approvers given a level. */
export function limitsInput(form: LimitsForm): ApprovalLimitsInput {
  const v = form.getRawValue();
  return {
    tiers: v.tiers.map((t, i) => ({
      level: t.level.trim(),
      label: t.label.trim(),
      ...(i < v.tiers.length - 1 ? { maxAmountFen: yuanToFen(t.maxYuan) ?? 0 } : {}),
    })),
    defaultLevel: v.defaultLevel,
    approverLevels: Object.fromEntries(Object.entries(v.approverLevels).filter(([, level]) => level !== '')),
  };
}

/**
 * The form control an API `field` of this body names: `tiers.1.maxAmountFen` → the second tier's
 * amount in yuan, `approverLevels.<userId>` → that approver's level, `defaultLevel`, `tiers`.
 */
export function serverFieldPath(field: string): (string | number)[] | null {
  const segments = field.split(/[./[\]]+/).filter((s) => s !== '');
  if (segments[0] === 'body') segments.shift();
  const [head, first, second] = segments;
  if (head === 'tiers') {
    const index = Number(first);
    if (first === undefined || !Number.isInteger(index)) return ['tiers'];
    if (second === undefined) return ['tiers', index];
    return ['tiers', index, second === 'maxAmountFen' ? 'maxYuan' : second];
  }
  if (head === 'defaultLevel') return ['defaultLevel'];
  if (head === 'approverLevels') return first ? ['approverLevels', first] : ['approverLevels'];
  return null;
}

/** Marks the control the API blamed with `{server: true}`; returns it, or null when none matched. */
export function applyLimitsFieldError(form: LimitsForm, err: unknown): AbstractControl | null {
  const { field } = toApiError(err);
  const path = field ? serverFieldPath(field) : null;
  const control = path ? form.get(path) : null;
  if (!control) return null;
  control.setErrors({ ...(control.errors ?? {}), server: true });
  control.markAsTouched();
  return control;
}

/** Re-runs every validator, dropping the marks a previous server answer left. */
export function revalidate(control: AbstractControl): void {
  if (control instanceof FormGroup || control instanceof FormArray) {
    for (const child of Object.values(control.controls as Record<string, AbstractControl>)) revalidate(child);
  }
  control.updateValueAndValidity({ onlySelf: true, emitEvent: false });
}
