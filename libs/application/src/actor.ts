/** Who is acting: resolved from the bearer token, carried into every event's metadata. */
export interface Actor {
  userId: string;
  userName: string;
  workspaceId: string;
  role: 'admin' | 'monitor' | 'verifier' | 'analyst' | 'public';
}

/** Per-request context for a command: who, and the request's correlation id. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /** The client's Idempotency-Key: ids derive from it, so a retry writes nothing new. */
  idempotencyKey?: string;
  /** A fingerprint of the request, to refuse one key reused for a different request. */
  requestHash?: string;
  /** Today's date (YYYY-MM-DD, UTC) for the domain's date rules. */
  today: string;
}
