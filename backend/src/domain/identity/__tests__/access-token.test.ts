import { describe, expect, test } from '@jest/globals';
import { AccessTokens } from '../access-token.js';

const secret = 'access-token-test-secret-0123456789abcdef';
const issuedAt = new Date('2026-11-20T04:00:00Z');
const seconds = (n: number) => new Date(issuedAt.getTime() + n * 1000);

describe('access tokens', () => {
  test('a token is accepted again and again until its lifetime ends, then refused as expired', async () => {
    const tokens = new AccessTokens(secret, 900);
    const token = await tokens.sign('user-1', issuedAt);
    expect(await tokens.verify(token, seconds(1))).toEqual({ sub: 'user-1' });
    expect(await tokens.verify(token, seconds(899))).toEqual({ sub: 'user-1' });
    await expect(tokens.verify(token, seconds(900))).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
  });

  test('a token never verified is refused as expired after its lifetime too', async () => {
    const tokens = new AccessTokens(secret, 900);
    const token = await tokens.sign('user-1', issuedAt);
    await expect(tokens.verify(token, seconds(901))).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
  });

  test('once a genuine token was verified, a copy with another signature or subject is still refused', async () => {
    const tokens = new AccessTokens(secret, 900);
    const token = await tokens.sign('user-1', issuedAt);
    await tokens.verify(token, seconds(1));
    const [header, payload, signature] = token.split('.');
    const otherSignature = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    const otherSubject = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'user-2' })).toString('base64url')}.${signature}`;
    await expect(tokens.verify(otherSignature, seconds(2))).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    await expect(tokens.verify(otherSubject, seconds(2))).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });

  test('a token signed with another secret is refused', async () => {
    const token = await new AccessTokens('another-secret-0123456789abcdef-0123', 900).sign('user-1', issuedAt);
    await expect(new AccessTokens(secret, 900).verify(token, seconds(1))).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });
});
