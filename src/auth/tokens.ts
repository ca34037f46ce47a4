// Bearer tokens are JWTs verified with jose against a shared secret (HS256) or a public key
// (RS256/ES256/EdDSA...). The claims we read: `sub` (who), `roles` (what they may do).
// Every token must say when it was issued and when it expires (`iat`, `exp`), and may not be
// valid for longer than `maxLifetimeS`: a leaked token then stops working within that bound.
import { createPublicKey, type KeyObject } from "node:crypto";
import { GraphQLError } from "graphql";
import { errors as joseErrors, type JWTPayload, jwtVerify } from "jose";
import { AUTH_DEFAULTS, type AuthConfig } from "../config";
import type { Viewer } from "./viewer";

/** Longest `sub` accepted: it is recorded as the author of writes (createdBy/updatedBy). */
export const MAX_SUBJECT_LENGTH = 200;

export const UNAUTHENTICATED = "UNAUTHENTICATED";
export const FORBIDDEN = "FORBIDDEN";

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: UNAUTHENTICATED, http: { status: 401 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: FORBIDDEN, http: { status: 403 } } });
}

export interface TokenVerifier {
  /** The viewer an `Authorization` header proves; null without one; throws UNAUTHENTICATED for a bad one. */
  viewerFrom(authorization: string | undefined): Promise<Viewer | null>;
  /** Whether tokens can be checked at all (a key is configured). */
  readonly configured: boolean;
}

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const key: Uint8Array | KeyObject | null = config.jwtSecret
    ? new TextEncoder().encode(config.jwtSecret)
    : config.jwtPublicKey
      ? createPublicKey(config.jwtPublicKey)
      : null;
  const algorithms = config.jwtSecret ? ["HS256"] : [config.jwtAlgorithm ?? "RS256"];
  const maxLifetimeS = config.maxLifetimeS ?? AUTH_DEFAULTS.maxLifetimeS;
  const clockToleranceS = config.clockToleranceS ?? AUTH_DEFAULTS.clockToleranceS;

  return {
    configured: key !== null,
    async viewerFrom(authorization) {
      if (authorization === undefined || authorization === "") return null;
      const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization);
      if (!match) throw unauthenticated("The Authorization header must be `Bearer <JWT>`.");
      if (!key) throw unauthenticated("This server is not configured to accept tokens.");
      let payload: JWTPayload;
      try {
        // maxTokenAge makes `iat` required and bounds the token's age; requiredClaims makes a
        // token without `exp` (one that never expires) invalid.
        ({ payload } = await jwtVerify(match[1], key, {
          algorithms,
          issuer: config.issuer,
          audience: config.audience,
          requiredClaims: ["sub", "exp", "iat"],
          maxTokenAge: maxLifetimeS,
          clockTolerance: clockToleranceS,
        }));
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) throw unauthenticated("The token has expired.");
        if (error instanceof joseErrors.JWTClaimValidationFailed && error.reason === "missing") {
          throw unauthenticated(`The token has no \`${error.claim}\` claim.`);
        }
        throw unauthenticated("The token is not valid.");
      }
      // jose checks the token's age, not its lifetime: a fresh token may still claim to be valid for a century.
      if (payload.exp! - payload.iat! > maxLifetimeS) {
        throw unauthenticated(`The token is valid for longer than ${maxLifetimeS} s (from \`iat\` to \`exp\`).`);
      }
      if (!isSubject(payload.sub)) throw unauthenticated("The token's `sub` is not a valid subject.");
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === "string") : [];
      // Accepted until `exp` plus the clock tolerance, as jose accepts it.
      return { subject: payload.sub, roles, expiresAt: new Date((payload.exp! + clockToleranceS) * 1000) };
    },
  };
}

/**
 * A non-empty string of bounded length without control characters, line separators or lone
 * surrogates: it is recorded in rows and logs as the author of writes.
 */
function isSubject(sub: unknown): sub is string {
  return typeof sub === "string" && sub.trim().length > 0 && sub.length <= MAX_SUBJECT_LENGTH && !/[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/u.test(sub);
}

/**
 * The viewer of a request, by its Authorization header: null for anonymous reads, and
 * UNAUTHENTICATED for a bad token, or for no token where reads need one.
 */
export function requestAuthenticator(config: AuthConfig): (authorization: string | undefined) => Promise<Viewer | null> {
  const tokens = createTokenVerifier(config);
  return async (authorization) => {
    const viewer = await tokens.viewerFrom(authorization);
    if (!viewer && config.requireTokenForReads) throw unauthenticated("This server needs a bearer token for every request.");
    return viewer;
  };
}
