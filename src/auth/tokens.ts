// Bearer tokens are JWTs verified with jose against a shared secret (HS256) or a public key
// (RS256/ES256/EdDSA...). The claims we read: `sub` (who), `roles` (what they may do).
import { createPublicKey, type KeyObject } from "node:crypto";
import { GraphQLError } from "graphql";
import { errors as joseErrors, jwtVerify } from "jose";
import type { Viewer } from "./viewer";

export interface AuthConfig {
  /** HS256 shared secret; or */
  jwtSecret?: string;
  /** a PEM public key, with the algorithm it signs with. */
  jwtPublicKey?: string;
  jwtAlgorithm?: string;
  issuer?: string;
  audience?: string;
  /** Reads need a valid token too (by default they are open). */
  requireTokenForReads: boolean;
}

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

  return {
    configured: key !== null,
    async viewerFrom(authorization) {
      if (authorization === undefined || authorization === "") return null;
      const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization);
      if (!match) throw unauthenticated("The Authorization header must be `Bearer <JWT>`.");
      if (!key) throw unauthenticated("This server is not configured to accept tokens.");
      try {
        const { payload } = await jwtVerify(match[1], key, {
          algorithms,
          issuer: config.issuer,
          audience: config.audience,
          requiredClaims: ["sub"],
        });
        const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === "string") : [];
        return { subject: payload.sub!, roles };
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) throw unauthenticated("The token has expired.");
        throw unauthenticated("The token is not valid.");
      }
    },
  };
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
