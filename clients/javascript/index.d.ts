// Type declarations of @portcullis/client (hand-written; the module is plain JavaScript).

export declare const VERSION: string;

export interface ClientOptions {
  /** An API key (sk_live_…, sk_test_…, tk_…); leave out for a client that only logs in. */
  apiKey?: string;
  /** Including /v1, with or without a trailing slash, e.g. https://api.example.com/v1 */
  baseUrl: string;
  /** Per request; default 30000. */
  timeoutMs?: number;
  /** Retries of a 429 after waiting Retry-After; default 0 (the 429 is thrown at once). */
  maxRetries?: number;
  /** Gives up rather than wait more than this many seconds in all; default 60. */
  maxRetryWaitSeconds?: number;
  /** How to wait `seconds` before a retry; default setTimeout. */
  sleep?: (seconds: number) => unknown | Promise<unknown>;
  /** Seconds on a monotonic clock, for refreshing tokens before they expire; default performance.now() / 1000. */
  clock?: () => number;
  /** default globalThis.fetch */
  fetch?: typeof fetch;
}

export interface Health {
  status: string;
  service: string;
  version: string;
  /** The credential's tenant; absent without a credential. */
  tenant_id?: string;
  timestamp: string;
}

export interface RateLimit {
  per_minute?: number | null;
  per_day?: number | null;
}

export type Role = 'read_only' | 'member' | 'admin' | 'platform_admin';
export type Environment = 'live' | 'test';

/** A limit of its own name over `duration` (ISO-8601, 1 s to 31 days: 'PT1H'), spent by the requests that ask for it. */
export interface NamedLimit {
  name: string;
  limit: number;
  duration: string;
}

/** Uses a key may make, each admitted request spending its cost; in answers `remaining` is what remains now. */
export interface Credits {
  remaining: number;
  /** Back to `amount` at 00:00 UTC every day, or on `day_of_month` (default 1) of every month; absent: never refilled. */
  refill?: { interval: 'daily' | 'monthly'; amount: number; day_of_month?: number };
}

export interface Key {
  id: string;
  /** The secret: only in the answers of create and roll, and not enumerable (it stays out of logs). */
  key?: string;
  tenant_id: string;
  name: string;
  type: 'secret' | 'tenant';
  environment: Environment;
  role: Role;
  prefix: string;
  last4: string;
  status: string;
  /** false: refused with 403 KEY_DISABLED until enabled again. */
  enabled: boolean;
  scopes: string[];
  allowed_ips: string[];
  /** The routes the key may call ('GET /v1/rubrics/**'); empty: no restriction. */
  allowed_routes: string[];
  expires_at?: string;
  previous_key_valid_until?: string;
  external_id?: string;
  identity_id?: string;
  meta?: Record<string, unknown>;
  rate_limit?: RateLimit;
  rate_limits: NamedLimit[];
  /** Absent for a key not metered by credits. */
  credits?: Credits;
  last_used_at?: string;
  revoked_at?: string;
  created_at: string;
}

/** What a key carries that is set when it is created and may be changed later. */
export interface KeySettings {
  scopes?: string[];
  expires_at?: string;
  allowed_ips?: string[];
  rate_limit?: RateLimit;
  credits?: Credits;
  rate_limits?: NamedLimit[];
  /** Each a method (or '*') and a path whose segments may be '*' or end in '**': 'GET /v1/rubrics/**'. */
  allowed_routes?: string[];
  meta?: Record<string, unknown>;
  external_id?: string;
}

export interface NewKey extends KeySettings {
  name: string;
  environment?: Environment;
  role?: Role;
  type?: 'secret' | 'tenant';
  /** An identity of the key's environment, whose limits the key shares. */
  identity_id?: string;
}

/** Absent fields stay as they are; an empty list removes that restriction. */
export interface KeyChange extends KeySettings {
  name?: string;
  enabled?: boolean;
  /** '' takes the key out of its identity. */
  identity_id?: string;
}

export interface User {
  id: string;
  email: string;
  role: Role;
  tenant_id: string;
  environment: Environment;
  disabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface Tenant {
  id: string;
  name: string;
  plan: string;
  status: 'active' | 'suspended';
  rate_limit?: RateLimit;
  created_at: string;
  updated_at: string;
}

export interface Plan {
  name: string;
  per_minute: number;
  per_day: number;
}

export interface Usage {
  tenant_id: string;
  from: string;
  to: string;
  data: { subject_id: string; subject_type: string; day: string; allowed: number; refused: number }[];
}

/** The verified key's window closest to exhaustion, after this charge; `reset` in epoch seconds. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  reset: number;
}

/** What remains of a key's credits after this charge; `refill_at` the next refill in epoch seconds, absent: never. */
export interface CreditsState {
  remaining: number;
  refill_at?: number;
}

/** Where one limit the request was charged to stands ('minute', 'day', named limits, the identity's); `reset` in epoch seconds. */
export interface LimitState {
  name: string;
  limit: number;
  remaining: number;
  reset: number;
}

/** A refused verdict carries `rate_limit`, `credits` and `limits` only when the key's limits refused it. */
export type KeyVerdict =
  | {
      valid: true;
      key_id: string;
      tenant_id: string;
      type: string;
      role: Role;
      scopes: string[];
      environment: Environment;
      external_id?: string;
      identity_id?: string;
      meta?: Record<string, unknown>;
      rate_limit?: RateLimitState;
      /** Absent for a key not metered by credits. */
      credits?: CreditsState;
      limits?: LimitState[];
    }
  | {
      valid: false;
      code: string;
      message: string;
      /** Seconds, with RATE_LIMIT_EXCEEDED. */
      retry_after?: number;
      rate_limit?: RateLimitState;
      credits?: CreditsState;
      limits?: LimitState[];
    };

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  tenant_id: string;
}

export declare class PortcullisClient {
  constructor(options: ClientOptions);
  readonly baseUrl: string;
  /** The logged-in user; null for an API-key client. */
  readonly user: SessionUser | null;
  /** The session's current access token; null for an API-key client or after logout. */
  readonly accessToken: string | null;

  health(): Promise<Health>;
  /** The same credential acting for another tenant (X-Tenant-ID): for a platform admin's key. */
  forTenant(tenantId: string): PortcullisClient;
  /** A client acting as this user, refreshing its access token by itself. */
  login(email: string, password: string, tenantId: string, options?: { environment?: Environment }): Promise<PortcullisClient>;
  /** Ends the session: its tokens stop working, and this client throws SessionEndedError after. */
  logout(): Promise<void>;
  /**
   * For backends handed a key. method and path are the client's request's (the path as sent, a query may
   * follow): a key restricted to certain routes is refused with INSUFFICIENT_PERMISSIONS unless they name one of them.
   */
  verifyKey(key: string, clientIp?: string, request?: { method?: string; path?: string }): Promise<KeyVerdict>;
  usage(range?: { from?: string; to?: string }): Promise<Usage>;
  /** Any call of the API; path is below baseUrl, e.g. '/files'. */
  request<T = unknown>(method: string, path: string, options?: { body?: unknown; params?: Record<string, string | number | null | undefined> }): Promise<T>;

  readonly keys: {
    create(body: NewKey): Promise<Key & { key: string }>;
    /** Every key, fetched `limit` per page as you iterate. */
    list(options?: { limit?: number }): AsyncIterableIterator<Key>;
    get(id: string): Promise<Key>;
    update(id: string, body: KeyChange): Promise<Key>;
    roll(id: string, options?: { grace_period_seconds?: number }): Promise<Key & { key: string }>;
    revoke(id: string): Promise<void>;
  };
  readonly users: {
    create(body: { email: string; password: string; role?: Role }): Promise<User>;
    list(options?: { limit?: number }): AsyncIterableIterator<User>;
    get(id: string): Promise<User>;
    update(id: string, body: { role?: Role; disabled?: boolean; password?: string }): Promise<User>;
    delete(id: string): Promise<void>;
  };
  readonly tenants: {
    create(body: { name: string; plan?: string; rate_limit?: RateLimit }): Promise<Tenant>;
    list(options?: { limit?: number }): AsyncIterableIterator<Tenant>;
    get(id: string): Promise<Tenant>;
    update(id: string, body: { name?: string; plan?: string; status?: 'active' | 'suspended'; rate_limit?: RateLimit }): Promise<Tenant>;
  };
  readonly allowlist: {
    get(): Promise<string[]>;
    set(allowedIps: string[]): Promise<string[]>;
    clear(): Promise<void>;
  };
  readonly plans: {
    list(): Promise<Plan[]>;
    get(name: string): Promise<Plan>;
    create(body: Plan): Promise<Plan>;
    update(name: string, body: { per_minute?: number; per_day?: number }): Promise<Plan>;
  };
}

export declare class PortcullisError extends Error {
  /** HTTP status; null when the server was not reached or for SessionEndedError. */
  readonly status: number | null;
  /** e.g. RATE_LIMIT_EXCEEDED (MedTWIN-style bodies: the upper-cased error, UNAUTHORIZED, FORBIDDEN). */
  readonly code: string;
  readonly requestId: string | null;
  /** Every other field of the error body. */
  readonly details: Record<string, unknown>;
  readonly requiredRole?: string;
  readonly requiredScope?: string;
  readonly retryAfter?: number;
  readonly expiresAt?: string;
  readonly field?: string;
}
export declare class BadRequestError extends PortcullisError {}
export declare class AuthenticationError extends PortcullisError {}
export declare class SessionEndedError extends AuthenticationError {}
export declare class PermissionDeniedError extends PortcullisError {}
export declare class NotFoundError extends PortcullisError {}
export declare class ConflictError extends PortcullisError {}
export declare class RateLimitError extends PortcullisError {}
export declare class ServerError extends PortcullisError {}
export declare class TransportError extends PortcullisError {}

/** The error for a refused request, from either error style. */
export declare function errorFromResponse(
  status: number, headers: Headers | Record<string, string>, bodyText: string, secrets?: string[]): PortcullisError;
/** The value with the given secrets, and anything shaped like a key or token, replaced by [REDACTED]. */
export declare function redact<T>(value: T, secrets?: string[]): T;
