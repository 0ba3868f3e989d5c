import type { ErrorObject } from 'ajv';

/**
 * The field an ajv error is about, as a path: `areaHa`, `thinnings[0].ageYears`,
 * `pledges[2].asset.assetType`. Missing and unexpected properties name that property;
 * a discriminator error names the tag (assetType).
 */
export function firstErrorField(error: ErrorObject, root = ''): string {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  const child = (params.missingProperty ?? params.additionalProperty ?? (error.keyword === 'discriminator' ? params.tag : undefined)) as string | undefined;
  if (child !== undefined) segments.push(child);
  const path = segments.reduce((text, s) => (/^\d+$/.test(s) ? `${text}[${s}]` : text ? `${text}.${s}` : s), '');
  return path || root || '(root)';
}
