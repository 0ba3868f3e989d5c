// OpenAPI 3.1 document generated from the route table and the same JSON Schemas ajv validates with.
import type { RouteSpec } from './route.js';
import type { SchemaRegistry } from './validation.js';

const componentName = (schemaName: string): string => schemaName.replace(/^api\//, '').replace(/\//g, '.');
const errorRef = { $ref: '#/components/schemas/Error' };

function parametersOf(schemaName: string | undefined, location: 'query' | 'path', registry: SchemaRegistry): unknown[] {
  if (!schemaName) return [];
  const schema = registry.schemas.get(schemaName)!;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(property['description'] ? { description: property['description'] } : {}),
  }));
}

function errorResponses(route: RouteSpec): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  const add = (status: number, description: string) => {
    responses[String(status)] = { description, content: { 'application/json': { schema: errorRef } } };
  };
  if (route.body || route.query || route.params) add(400, 'Invalid input (code VALIDATION_FAILED or MALFORMED_JSON, with the field)');
  if (route.access !== 'public') add(401, 'Missing, invalid or expired access token');
  if (typeof route.access === 'object') add(403, `Caller lacks the permission ${route.access.permission}`);
  if (route.params) add(404, 'No such record visible to the caller');
  return responses;
}

/** A raw file body: each accepted content type as binary, the file name in `X-Filename`. */
function uploadBody(upload: NonNullable<RouteSpec['upload']>): Record<string, unknown> {
  const binary = { schema: { type: 'string', format: 'binary', maxLength: upload.maxBytes } };
  return {
    requestBody: {
      required: true,
      description: `The file itself as the request body (at most ${upload.maxBytes} bytes); its name URI-encoded in the X-Filename header.`,
      content: Object.fromEntries(upload.contentTypes.map((type) => [type, binary])),
    },
    'x-upload-max-bytes': upload.maxBytes,
  };
}

export function buildOpenApi(routes: readonly RouteSpec[], registry: SchemaRegistry, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const used = new Set<string>();
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    for (const name of [route.body].filter(Boolean) as string[]) used.add(name);
    paths[path] ??= {};
    paths[path]![route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(typeof route.access === 'object' ? { 'x-permission': route.access.permission } : {}),
      parameters: [
        ...parametersOf(route.params, 'path', registry),
        ...parametersOf(route.query, 'query', registry),
        ...(route.upload ? [{ name: 'X-Filename', in: 'header', required: true, description: 'The file name, URI-encoded', schema: { type: 'string', maxLength: 255 } }] : []),
      ],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${componentName(route.body)}` } } } } }
        : {}),
      ...(route.upload ? uploadBody(route.upload) : {}),
      responses: {
        [String(route.successStatus ?? 200)]: { description: 'Success' },
        ...errorResponses(route),
      },
    };
  }
  const schemas: Record<string, unknown> = {
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', description: 'Stable machine code, e.g. VALIDATION_FAILED' },
            message: { type: 'string' },
            field: { type: 'string', description: 'The input field at fault, dotted (e.g. roles.0)' },
            details: { type: 'object' },
          },
        },
      },
    },
  };
  for (const name of [...used].sort()) schemas[componentName(name)] = registry.schemas.get(name);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ecological points and green-finance platform API',
      version,
      description: 'Money is in integer fen (分); rates are decimals. Errors: {"error": {code, message, field, details}}.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas },
    paths,
  };
}
