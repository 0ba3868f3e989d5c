import { webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors/index.js';

export interface AccessClaims {
  sub: string;
  /** Token version: bumps when roles change, invalidating older tokens. */
  ver?: number;
}

const issuer = 'eco-finance-platform';
/** Tokens whose signature one process remembers having checked (least recently used dropped first). */
const verifiedTokenCacheSize = 10_000;

const expired = (): AppError => new AppError('AUTH_TOKEN_EXPIRED', 'access token has expired; refresh it');

export class AccessTokens {
  /** Imported once: given raw bytes, jose would import the key again on every call. */
  private readonly key: Promise<webcrypto.CryptoKey>;
  /**
   * The claims of tokens already verified, by the exact token text: a client sends the same token
   * with every request until it expires, and checking its HMAC each time was a tenth of a request's
   * work. Expiry is still checked on every use.
   */
  private readonly verified = new LRUCache<string, { sub: string; exp: number }>({ max: verifiedTokenCacheSize });

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async sign(userId: string, now: Date): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(await this.key);
  }

  async verify(token: string, now: Date): Promise<AccessClaims> {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp <= Math.floor(now.getTime() / 1000)) throw expired();
      return { sub: known.sub };
    }
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        issuer,
        algorithms: ['HS256'],
        currentDate: now,
      });
      if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') throw new AppError('AUTH_TOKEN_INVALID', 'access token has no subject or expiry');
      this.verified.set(token, { sub: payload.sub, exp: payload.exp });
      return { sub: payload.sub };
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof errors.JWTExpired) throw expired();
      throw new AppError('AUTH_TOKEN_INVALID', 'access token is not valid');
    }
  }

  get expiresInSeconds(): number {
    return this.ttlSeconds;
  }
}
