// Bearer tokens for tests: signed with the test servers' secret, or deliberately wrong.
import { SignJWT } from "jose";

export const TEST_JWT_SECRET = "newsgraph-test-secret-of-at-least-32-chars";

export interface TokenOptions {
  subject?: string;
  roles?: string[];
  /** Seconds from now; negative for an expired token (beyond the 30 s clock tolerance: below -30). */
  expiresIn?: number;
  secret?: string;
}

export async function signToken(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: options.roles ?? ["editor"] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(options.subject ?? "editor@example.org")
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

export async function bearer(options: TokenOptions = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signToken(options)}` };
}
