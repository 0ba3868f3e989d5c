import type { ResolvedInput } from './resolve-input.js';

/** Names of the resolved inputs that were filled from configuration defaults. */
export function defaultedNames(resolved: Record<string, ResolvedInput>): string[] {
  return Object.entries(resolved)
    .filter(([, input]) => input.defaulted)
    .map(([name]) => name);
}
