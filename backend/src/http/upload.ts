import type { Context } from 'koa';
import { AppError } from '../domain/errors/index.js';

/** Reads a raw upload body, refusing other media types, empty files and anything over the limit. */
export async function readUpload(ctx: Context, spec: { contentTypes: readonly string[]; maxBytes: number }): Promise<{ bytes: Buffer; contentType: string; filename: string }> {
  const contentType = (ctx.get('Content-Type').split(';')[0] ?? '').trim().toLowerCase();
  if (!spec.contentTypes.includes(contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `upload one of: ${spec.contentTypes.join(', ')}`, { field: 'Content-Type', details: { allowed: spec.contentTypes } });
  }
  let filename: string;
  try {
    filename = decodeURIComponent(ctx.get('X-Filename'));
  } catch {
    throw new AppError('VALIDATION_FAILED', 'X-Filename must be URI-encoded', { field: 'X-Filename', details: { location: 'headers' } });
  }
  const hasControlCharacter = [...filename].some((c) => c.charCodeAt(0) < 0x20);
  if (filename.length < 1 || filename.length > 200 || /[/\\]/.test(filename) || hasControlCharacter) {
    throw new AppError('VALIDATION_FAILED', 'X-Filename must name the file (1–200 characters, no path)', { field: 'X-Filename', details: { location: 'headers' } });
  }
  if (Number(ctx.get('Content-Length') || 0) > spec.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `files may be at most ${spec.maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > spec.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `files may be at most ${spec.maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) throw new AppError('VALIDATION_FAILED', 'the file is empty', { field: 'body' });
  return { bytes: Buffer.concat(chunks), contentType, filename };
}
