// Who is asking: the subject and roles of a verified bearer token, or nobody.
export interface Viewer {
  /** The token's `sub`: recorded as createdBy/updatedBy on what this viewer writes. */
  subject: string;
  roles: string[];
  /** When its token stops being accepted: a WebSocket connection that outlives it is closed (server/subscriptions). */
  expiresAt?: Date;
}

/** The role a token needs to change anything. */
export const EDITOR_ROLE = "editor";
