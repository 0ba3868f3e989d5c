import { SignJWT, jwtVerify, errors } from 'jose';
import { AppError } from '../errors/index.js';

export interface AccessClaims {
  sub: string;
  /** Token version: bumps when roles change, invalidating older tokens. */
  ver?: number;
}

const issuer = 'eco-finance-platform';

export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(userId: string, now: Date): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.key);
  }

  async verify(token: string, now: Date): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer,
        algorithms: ['HS256'],
        currentDate: now,
      });
      if (typeof payload.sub !== 'string') throw new AppError('AUTH_TOKEN_INVALID', 'access token has no subject');
      return { sub: payload.sub };
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof errors.JWTExpired) throw new AppError('AUTH_TOKEN_EXPIRED', 'access token has expired; refresh it');
      throw new AppError('AUTH_TOKEN_INVALID', 'access token is not valid');
    }
  }

  get expiresInSeconds(): number {
    return this.ttlSeconds;
  }
}
