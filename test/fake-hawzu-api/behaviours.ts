/**
 * What the fake Hawzu API does for one token. The real API documents none of its error
 * statuses or bodies (docs/hawzu-tokens.md), so the fake plays plausible variants of each.
 */
export type Behaviour =
  | { kind: "live"; identity: Record<string, unknown> }
  | { kind: "revoked" }
  | { kind: "expired" }
  | { kind: "disabled" }
  | { kind: "rate-limited"; retryAfter?: string }
  | { kind: "server-error"; status?: number }
  | { kind: "slow"; delayMs: number; then: Behaviour }
  | { kind: "html-403" }
  | { kind: "redirect"; location: string; status?: 301 | 302 | 303 | 307 | 308 }
  | { kind: "non-json-200" }
  /** Call n (0-based) plays steps[n], and the last step from then on. */
  | { kind: "sequence"; steps: Behaviour[] };

/** A live workspace token: one workspace role, access to every project of the workspace. */
export function liveWorkspaceToken(overrides: Record<string, unknown> = {}): Behaviour {
  return {
    kind: "live",
    identity: {
      id: "tok_ws_001",
      type: "WORKSPACE_TOKEN",
      name: "CI deploy (workspace)",
      workspace: { id: "ws_001", name: "Acme QA", role: "ADMIN" },
      projects: [],
      created_at: "2025-01-10T09:00:00Z",
      ...overrides,
    },
  };
}

/** A live project token: one role per assigned project. */
export function liveProjectToken(overrides: Record<string, unknown> = {}): Behaviour {
  return {
    kind: "live",
    identity: {
      id: "tok_pr_002",
      type: "PROJECT_TOKEN",
      name: "Nightly test sync",
      workspace: { id: "ws_001", name: "Acme QA" },
      projects: [
        { id: "proj_101", name: "Checkout", role: "TESTER" },
        { id: "proj_102", name: "Payments", role: "VIEWER" },
      ],
      created_at: "2025-02-01T12:00:00Z",
      ...overrides,
    },
  };
}

/** `times` answers of 429 with `Retry-After`, then `then`. */
export function rateLimitedFirst(times: number, retryAfter: string, then: Behaviour): Behaviour {
  return { kind: "sequence", steps: [...Array.from({ length: times }, () => ({ kind: "rate-limited", retryAfter }) as Behaviour), then] };
}

/** `failures` answers of HTTP 500, then `then`: a server that fails now and then. */
export function intermittentServerError(failures: number, then: Behaviour): Behaviour {
  return { kind: "sequence", steps: [...Array.from({ length: failures }, () => ({ kind: "server-error" }) as Behaviour), then] };
}
