// Client for the Portcullis API, for Node 18+ and browsers: fetch only, no dependencies.

export const VERSION = '0.1.0';
const USER_AGENT = `portcullis-javascript/${VERSION}`;
const REDACTED = '[REDACTED]';
// Keys of any family and JWTs, for secrets the client was never told about (a key pasted into the
// wrong field and echoed back by a validation message).
const SECRET_SHAPES = new RegExp([
  '\\b[A-Za-z]{2,}_(?:live|test)_[A-Za-z0-9]{20,}',
  '\\b[A-Za-z]{2,}_tenant_[A-Za-z0-9]+_(?:test_)?[A-Za-z0-9]{20,}',
  '\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*',
  '\\brt_[A-Za-z0-9_-]{20,}',
].join('|'), 'g');

/** The value with every secret in it replaced; strings inside arrays and objects too. */
export function redact(value, secrets = []) {
  if (typeof value === 'string') {
    for (const secret of secrets) {
      if (secret) value = value.split(secret).join(REDACTED);
    }
    return value.replace(SECRET_SHAPES, REDACTED);
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redact(item, secrets)]));
  }
  return value;
}

/**
 * A refusal by the server (or, with status null, a failure to reach it). `details` holds every
 * field of the error body besides code, message and request_id.
 */
export class PortcullisError extends Error {
  constructor({ status, code, message, requestId = null, details = {} }) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
  }

  get requiredRole() { return this.details.required_role; }
  get requiredScope() { return this.details.required_scope; }
  get retryAfter() { return this.details.retry_after; }
  get expiresAt() { return this.details.expires_at; }
  get field() { return this.details.field; }

  toString() {
    const status = this.status == null ? '' : `${this.status} `;
    const where = this.requestId ? ` (request_id ${this.requestId})` : '';
    return `${this.name}: ${status}${this.code}: ${this.message}${where}`;
  }
}

/** 400: VALIDATION_FAILED (see `field`), MALFORMED_REQUEST, INVALID_FORWARDING_HEADER. */
export class BadRequestError extends PortcullisError {}
/** 401: INVALID_API_KEY, INVALID_TOKEN, TOKEN_EXPIRED, INVALID_CREDENTIALS, INVALID_REFRESH_TOKEN. */
export class AuthenticationError extends PortcullisError {}
/** A session client used after logout or after its refresh token was refused. */
export class SessionEndedError extends AuthenticationError {
  constructor() {
    super({ status: null, code: 'SESSION_ENDED', message: 'The session has ended; log in again' });
  }
}
/** 403: INSUFFICIENT_PERMISSIONS (see `requiredRole`, `requiredScope`), TENANT_SUSPENDED, ... */
export class PermissionDeniedError extends PortcullisError {}
export class NotFoundError extends PortcullisError {}
export class ConflictError extends PortcullisError {}
/** 429: `retryAfter` is the number of seconds until a request would be admitted. */
export class RateLimitError extends PortcullisError {}
/** 5xx, such as 503 RATE_LIMIT_UNAVAILABLE. */
export class ServerError extends PortcullisError {}
/** The server could not be reached or did not answer in time. */
export class TransportError extends PortcullisError {
  constructor(message) {
    super({ status: null, code: 'TRANSPORT_ERROR', message });
  }
}

const BY_STATUS = {
  400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError,
  404: NotFoundError, 409: ConflictError, 429: RateLimitError,
};

/**
 * The error for a refused request, from either style of body: AudiModal's nested
 * {"error":{"code":"RATE_LIMIT_EXCEEDED","message":...}} or MedTWIN's flat
 * {"error":"rate_limit_exceeded","message":...,"retry_after":30}, whose code is the upper-cased
 * `error` (a 401 is always UNAUTHORIZED and a 403 FORBIDDEN). `headers`: a Headers or a plain object.
 */
export function errorFromResponse(status, headers, bodyText, secrets = []) {
  const header = (name) => (typeof headers?.get === 'function' ? headers.get(name)
    : Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]) ?? null;
  let payload = {};
  try {
    payload = bodyText ? JSON.parse(bodyText) : {};
  } catch {
    // not JSON: the status speaks for itself
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) payload = {};
  let fields = {};
  let code = null;
  if (payload.error && typeof payload.error === 'object') {
    ({ code = null, ...fields } = payload.error);
  } else if (typeof payload.error === 'string') {
    ({ error: code, ...fields } = payload);
    code = code.toUpperCase();
  }
  const { message, request_id: requestId, ...details } = fields;
  const retryAfter = header('Retry-After');
  if (details.retry_after === undefined && /^\d+$/.test(retryAfter ?? '')) details.retry_after = Number(retryAfter);
  const Kind = BY_STATUS[status] ?? (status >= 500 ? ServerError : PortcullisError);
  return new Kind({
    status,
    code: code ?? `HTTP_${status}`,
    message: redact(message || `HTTP ${status}`, secrets),
    requestId: requestId ?? header('X-Request-ID'),
    details: redact(details, secrets),
  });
}

/** TOKEN_EXPIRED; in the MedTWIN style every 401 is UNAUTHORIZED, and only an expired token has expires_at. */
function isTokenExpired(error) {
  return error instanceof AuthenticationError && error.status === 401
    && (error.code === 'TOKEN_EXPIRED' || error.details.expires_at !== undefined);
}

/** Secrets in answers are there to be read, not to show up when an answer is logged. */
function hideSecrets(answer) {
  if (answer && typeof answer === 'object') {
    for (const name of ['key', 'access_token', 'refresh_token']) {
      if (typeof answer[name] === 'string') {
        Object.defineProperty(answer, name, { value: answer[name], enumerable: false, writable: true, configurable: true });
      }
    }
  }
  return answer;
}

// How a client is made that shares another's connection and credential; not part of the options.
const SHARED = Symbol('shared');

const segment = (value) => encodeURIComponent(String(value));

/** Where and how to send requests; shared by a client, its sessions and its forTenant copies. */
class Connection {
  constructor({ baseUrl, timeoutMs, maxRetries, maxRetryWaitSeconds, sleep, clock, fetch: fetchFunction }) {
    if (!baseUrl) throw new TypeError('baseUrl is required, e.g. https://api.example.com/v1');
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = timeoutMs;
    this.maxRetries = maxRetries;
    this.maxRetryWaitSeconds = maxRetryWaitSeconds;
    this.sleep = sleep;
    this.clock = clock;
    this.fetch = fetchFunction;
  }

  /** One request, retried on 429 as configured. Resolves to the decoded body (undefined for 204). */
  async send(method, path, { body, params, bearer, tenantId, secrets = [] } = {}) {
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#sendOnce(method, path, body, params, bearer, tenantId, secrets);
      } catch (error) {
        if (!(error instanceof RateLimitError)) throw error;
        const delay = typeof error.retryAfter === 'number' ? error.retryAfter : 1;
        if (attempt >= this.maxRetries || waited + delay > this.maxRetryWaitSeconds) throw error;
        // A 429 is decided before anything is done, so even a POST is safe to send again.
        await this.sleep(delay);
        waited += delay;
      }
    }
  }

  async #sendOnce(method, path, body, params, bearer, tenantId, secrets) {
    const query = new URLSearchParams(Object.entries(params ?? {}).filter(([, value]) => value != null));
    const url = this.baseUrl + path + (query.toString() ? `?${query}` : '');
    const headers = { Accept: 'application/json', 'User-Agent': USER_AGENT };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (tenantId) headers['X-Tenant-ID'] = tenantId;
    let response;
    let text;
    try {
      response = await this.fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (failed) {
      throw new TransportError(redact(`${method} ${path} failed: ${failed?.message ?? failed}`, secrets));
    }
    if (!response.ok) throw errorFromResponse(response.status, response.headers, text, secrets);
    return text ? JSON.parse(text) : undefined;
  }
}

class ApiKey {
  #key;
  constructor(key) { this.#key = key; }
  async bearer() { return this.#key; }
  secrets() { return [this.#key]; }
}

/** Tokens of one login. Refreshes once per expiry, whoever asks, and forgets them when refused. */
class Session {
  #connection;
  #accessToken;
  #refreshToken;
  #refreshAt;
  #inFlight = null;

  constructor(connection, tokens) {
    this.#connection = connection;
    this.#accept(tokens);
  }

  #accept(tokens) {
    this.#accessToken = tokens.access_token;
    this.#refreshToken = tokens.refresh_token;
    const lifetime = Number(tokens.expires_in ?? 0);
    // Refresh a little before the server would refuse the token, so no request is spent on the refusal.
    this.#refreshAt = this.#connection.clock() + lifetime - Math.min(30, lifetime / 2);
    this.user = tokens.user ?? null;
  }

  get accessToken() { return this.#accessToken ?? null; }

  async bearer() {
    if (this.#accessToken == null) throw new SessionEndedError();
    if (this.#connection.clock() >= this.#refreshAt) await this.refreshAfter(this.#accessToken);
    return this.#accessToken;
  }

  /** After a TOKEN_EXPIRED for refusedToken: refresh, unless another caller already has. */
  async refreshAfter(refusedToken) {
    if (this.#accessToken == null) throw new SessionEndedError();
    if (this.#accessToken !== refusedToken) return;
    // Every caller waits for the one refresh in flight: a refresh token spent twice revokes the whole session.
    this.#inFlight ??= this.#refresh().finally(() => { this.#inFlight = null; });
    await this.#inFlight;
  }

  async #refresh() {
    let tokens;
    try {
      tokens = await this.#connection.send('POST', '/auth/refresh', {
        body: { refresh_token: this.#refreshToken }, secrets: this.secrets(),
      });
    } catch (error) {
      if (error instanceof AuthenticationError) this.end();
      throw error;
    }
    this.#accept(tokens);
  }

  end() {
    this.#accessToken = null;
    this.#refreshToken = null;
  }

  secrets() { return [this.#accessToken, this.#refreshToken]; }
}

/**
 * A Portcullis client acting with an API key, or with a session after `login`. `baseUrl` includes
 * `/v1`. A 429 is thrown at once unless `maxRetries` > 0: then the client waits `Retry-After`
 * seconds (with `sleep`) up to that many times, as long as the waits add up to no more than
 * `maxRetryWaitSeconds`.
 */
export class PortcullisClient {
  #connection;
  #credential;
  #tenantId;

  constructor(options = {}) {
    const shared = options[SHARED];
    if (shared) {
      this.#connection = shared.connection;
      this.#credential = shared.credential;
      this.#tenantId = shared.tenantId;
    } else {
      const {
        apiKey, baseUrl, timeoutMs = 30_000, maxRetries = 0, maxRetryWaitSeconds = 60,
        sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
        clock = () => performance.now() / 1000, fetch: fetchFunction = globalThis.fetch,
      } = options;
      this.#connection = new Connection({
        baseUrl, timeoutMs, maxRetries, maxRetryWaitSeconds, sleep, clock, fetch: fetchFunction,
      });
      this.#credential = apiKey ? new ApiKey(apiKey) : null;
      this.#tenantId = null;
    }
    this.#attachResources();
  }

  static #sharing(connection, credential, tenantId) {
    return new PortcullisClient({ [SHARED]: { connection, credential, tenantId } });
  }

  #attachResources() {
    const call = (method, path, options) => this.request(method, path, options);
    const paged = (path, limit) => this.#paged(path, limit);
    this.keys = {
      /**
       * body: name, environment, role, type, scopes, expires_at, allowed_ips, rate_limit, credits, rate_limits,
       * allowed_routes, meta, external_id, identity_id. `key` of the answer is the secret, shown once.
       */
      create: async (body) => hideSecrets(await call('POST', '/keys', { body })),
      list: ({ limit } = {}) => paged('/keys', limit),
      get: (id) => call('GET', `/keys/${segment(id)}`),
      /** body: name, scopes, expires_at, allowed_ips, rate_limit, enabled, credits, rate_limits, allowed_routes, meta, external_id, identity_id. */
      update: (id, body) => call('PATCH', `/keys/${segment(id)}`, { body }),
      roll: async (id, { grace_period_seconds } = {}) => hideSecrets(await call('POST', `/keys/${segment(id)}/roll`,
        { body: grace_period_seconds == null ? {} : { grace_period_seconds } })),
      revoke: async (id) => { await call('DELETE', `/keys/${segment(id)}`); },
    };
    this.users = {
      create: (body) => call('POST', '/users', { body }),
      list: ({ limit } = {}) => paged('/users', limit),
      get: (id) => call('GET', `/users/${segment(id)}`),
      update: (id, body) => call('PATCH', `/users/${segment(id)}`, { body }),
      delete: async (id) => { await call('DELETE', `/users/${segment(id)}`); },
    };
    this.tenants = {
      create: (body) => call('POST', '/tenants', { body }),
      list: ({ limit } = {}) => paged('/tenants', limit),
      get: (id) => call('GET', `/tenants/${segment(id)}`),
      update: (id, body) => call('PATCH', `/tenants/${segment(id)}`, { body }),
    };
    this.allowlist = {
      get: async () => (await call('GET', '/auth/ip-allowlist')).allowed_ips,
      set: async (allowedIps) => (await call('POST', '/auth/ip-allowlist', { body: { allowed_ips: allowedIps } })).allowed_ips,
      clear: async () => { await call('DELETE', '/auth/ip-allowlist'); },
    };
    this.plans = {
      list: async () => (await call('GET', '/plans')).data,
      get: (name) => call('GET', `/plans/${segment(name)}`),
      create: (body) => call('POST', '/plans', { body }),
      update: (name, body) => call('PATCH', `/plans/${segment(name)}`, { body }),
    };
  }

  get baseUrl() { return this.#connection.baseUrl; }

  /** The logged-in user ({id, email, role, tenant_id}); null for an API-key client. */
  get user() { return this.#credential instanceof Session ? this.#credential.user : null; }

  /** The session's current access token, for handing on; null for an API-key client or after logout. */
  get accessToken() { return this.#credential instanceof Session ? this.#credential.accessToken : null; }

  /** The same credential acting for another tenant (X-Tenant-ID): for a platform admin's key. */
  forTenant(tenantId) {
    return PortcullisClient.#sharing(this.#connection, this.#credential, tenantId);
  }

  /** A client acting as this user; it refreshes its access token by itself. */
  async login(email, password, tenantId, { environment } = {}) {
    const body = { email, password, tenant_id: tenantId };
    if (environment !== undefined) body.environment = environment;
    const tokens = await this.#connection.send('POST', '/auth/login', { body, secrets: [password] });
    return PortcullisClient.#sharing(this.#connection, new Session(this.#connection, tokens), null);
  }

  /** Ends the session on the server: its access and refresh tokens stop working. */
  async logout() {
    const session = this.#credential;
    if (!(session instanceof Session)) {
      throw new TypeError('logout() ends a session; API keys are revoked with keys.revoke()');
    }
    try {
      await this.request('POST', '/auth/logout');
    } catch (error) {
      if (error instanceof SessionEndedError) return;
      if (!(error instanceof AuthenticationError)) throw error;
      // the server had ended it already
    }
    session.end();
  }

  /** {status, service, version, tenant_id, timestamp}; tenant_id names the credential's tenant. */
  health() {
    return this.request('GET', '/health');
  }

  /**
   * For backends handed a key: {valid: true, key_id, tenant_id, role, ...} or {valid: false, code, message, ...}.
   * method and path are the client's request's (the path as sent, a query may follow): a key restricted to
   * certain routes is refused with INSUFFICIENT_PERMISSIONS unless they name one of them.
   */
  verifyKey(key, clientIp, request) {
    const { method, path } = request ?? {};
    const body = { key };
    if (clientIp != null) body.client_ip = clientIp;
    if (method != null) body.method = method;
    if (path != null) body.path = path;
    return this.#call('POST', '/keys/verify', { body }, [key]);
  }

  /** Requests allowed and refused per subject per UTC day; from and to as 'YYYY-MM-DD'. */
  usage({ from, to } = {}) {
    return this.request('GET', '/usage', { params: { from, to } });
  }

  /** Any call of the API, such as request('GET', '/files'); path is below baseUrl. */
  request(method, path, { body, params } = {}) {
    return this.#call(method, path, { body, params }, []);
  }

  async #call(method, path, { body, params }, secretsSent) {
    const credential = this.#credential;
    let refreshed = false;
    for (;;) {
      const bearer = credential ? await credential.bearer() : null;
      const secrets = [...(credential ? credential.secrets() : []), ...secretsSent];
      try {
        return await this.#connection.send(method, path, { body, params, bearer, tenantId: this.#tenantId, secrets });
      } catch (error) {
        if (!(credential instanceof Session) || refreshed || !isTokenExpired(error)) throw error;
        await credential.refreshAfter(bearer);
        refreshed = true;
      }
    }
  }

  async* #paged(path, limit) {
    let cursor = null;
    do {
      const page = await this.request('GET', path, { params: { cursor, limit } });
      yield* page.data;
      cursor = page.next_cursor;
    } while (cursor);
  }

  toString() {
    const kind = this.#credential instanceof Session ? 'session' : this.#credential ? 'api key' : 'anonymous';
    return `PortcullisClient(${this.#connection.baseUrl}, ${kind}${this.#tenantId ? `, tenant ${this.#tenantId}` : ''})`;
  }
}
