// The API, as the console reaches it: same origin, JSON, never a cookie. Errors of either envelope
// style (AudiModal's nested one, MedTWIN's flat one) become one ApiError.

const API = new URL('../../v1/', import.meta.url);

export class ApiError extends Error {
    constructor({status, code, message, requestId = null, field = null, retryAfter = null, details = {}}) {
        super(message);
        this.status = status;
        this.code = code;
        this.requestId = requestId;
        this.field = field;
        this.retryAfter = retryAfter;
        this.details = details;
    }

    /** TOKEN_EXPIRED: MedTWIN's style calls every 401 "unauthorized", but only an expired token names its expiry. */
    get expired() {
        return this.status === 401 && (this.code === 'TOKEN_EXPIRED' || 'expires_at' in this.details);
    }

    static from(response, json) {
        const error = json?.error;
        let details = {};
        let code = `HTTP_${response.status}`;
        let message = `The server answered ${response.status} ${response.statusText}`.trim();
        if (error && typeof error === 'object') {
            details = error;
            code = error.code ?? code;
            message = error.message ?? message;
        } else if (typeof error === 'string') {
            details = json;
            code = error.toUpperCase();
            message = json.message ?? message;
        }
        const retryAfter = details.retry_after ?? numberOrNull(response.headers.get('Retry-After'));
        return new ApiError({
            status: response.status,
            code,
            message,
            requestId: details.request_id ?? response.headers.get('X-Request-ID'),
            field: details.field ?? null,
            retryAfter,
            details,
        });
    }
}

function numberOrNull(text) {
    const number = Number.parseInt(text ?? '', 10);
    return Number.isFinite(number) ? number : null;
}

/** {@code path} is relative to /v1/; {@code query} an object of parameters (empty ones left out). */
export function url(path, query = {}) {
    const target = new URL(path, API);
    for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== null && value !== '') {
            target.searchParams.set(name, value);
        }
    }
    return target;
}

export async function send(method, path, {token, tenantId, body, query} = {}) {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    if (token) {
        headers.Authorization = `Bearer ${token}`;
    }
    if (tenantId) {
        headers['X-Tenant-ID'] = tenantId;
    }
    let response;
    try {
        response = await fetch(url(path, query), {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            cache: 'no-store',
            credentials: 'omit',
            redirect: 'error',
            referrerPolicy: 'no-referrer',
        });
    } catch {
        throw new ApiError({status: 0, code: 'NETWORK_ERROR', message: 'The server could not be reached. Check the connection and try again.'});
    }
    const text = await response.text();
    let json = null;
    try {
        json = text ? JSON.parse(text) : null;
    } catch {
        json = null;
    }
    if (!response.ok) {
        throw ApiError.from(response, json);
    }
    return {status: response.status, headers: response.headers, body: json};
}
