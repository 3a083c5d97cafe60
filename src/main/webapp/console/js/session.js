// The signed-in credential, in this module's memory only: never in localStorage, sessionStorage or a
// cookie, so a reload or a closed tab signs out and no other page or extension storage can read it.
// A session's access token is renewed before it expires and whenever the API says TOKEN_EXPIRED; a
// refused renewal signs out.

import {ApiError, send} from './http.js';

export const ROLES = ['read_only', 'member', 'admin', 'platform_admin'];
const RENEW_MARGIN_SECONDS = 120;
const RETRY_SECONDS = 30;

let credential = null;
let renewTimer = 0;
let renewing = null;
const listeners = new Set();

/**
 * {@code listener(credential, {what, problem})}, {@code what} one of signed-in, signed-out (with the
 * problem that ended the credential, null if asked for), acting, environment.
 */
export function onChange(listener) {
    listeners.add(listener);
}

function changed(what, problem = null) {
    for (const listener of listeners) {
        listener(credential, {what, problem});
    }
}

export function current() {
    return credential;
}

export function can(role) {
    return credential !== null && ROLES.indexOf(credential.role) >= ROLES.indexOf(role);
}

export async function signInWithPassword({email, password, tenantId, environment}) {
    const {body} = await send('POST', 'auth/login', {body: {email, password, tenant_id: tenantId, environment}});
    await start({
        kind: 'session',
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresAt: Date.now() + body.expires_in * 1000,
        subject: body.user.id,
        label: body.user.email,
        role: body.user.role,
        tenantId: body.user.tenant_id,
        environment,
        scopes: [],
    }, body.expires_in);
}

/** The pipeline's own answer to "who is this key?": /v1/auth/verify names the caller in headers. */
export async function signInWithKey(key) {
    const {headers} = await send('GET', 'auth/verify', {token: key});
    const scopes = headers.get('X-Portcullis-Scopes');
    await start({
        kind: 'key',
        accessToken: key,
        subject: headers.get('X-Portcullis-Subject'),
        label: `API key ${headers.get('X-Portcullis-Subject')}`,
        role: headers.get('X-Portcullis-Role'),
        tenantId: headers.get('X-Portcullis-Tenant-ID'),
        environment: headers.get('X-Portcullis-Environment'),
        scopes: scopes ? scopes.split(',') : [],
    }, null);
}

async function start(signedIn, expiresIn) {
    end(null, false);
    credential = {...signedIn, tenantName: null, actingFor: null, viewEnvironment: signedIn.environment};
    if (expiresIn) {
        renewIn(expiresIn);
    }
    const mine = credential;
    try {
        mine.tenantName = (await call('GET', `tenants/${encodeURIComponent(signedIn.tenantId)}`)).name;
    } catch {
        // A key scoped without tenants:read may not ask; the pages then show the tenant's id alone.
    }
    if (credential === mine) {
        changed('signed-in');
    }
}

/** Asked for: the session's tokens are ended on the server too. */
export async function signOut() {
    if (credential?.kind === 'session') {
        try {
            await call('POST', 'auth/logout');
        } catch {
            // Ended either way: this page forgets the tokens below.
        }
    }
    end(null);
}

/** Not asked for: the credential was refused; {@code problem} says why. */
function end(problem, notify = true) {
    if (credential === null) {
        return;
    }
    credential = null;
    clearTimeout(renewTimer);
    if (notify) {
        changed('signed-out', problem);
    }
}

function renewIn(expiresIn) {
    clearTimeout(renewTimer);
    const seconds = Math.max(5, expiresIn - Math.min(RENEW_MARGIN_SECONDS, expiresIn / 5));
    renewTimer = setTimeout(() => renew().catch(() => {}), seconds * 1000);
}

/** One renewal at a time: concurrent calls that all got TOKEN_EXPIRED wait for the same one. */
export function renew() {
    renewing ??= renewOnce().finally(() => {
        renewing = null;
    });
    return renewing;
}

async function renewOnce() {
    const mine = credential;
    if (mine?.kind !== 'session') {
        throw new ApiError({status: 401, code: 'SIGNED_OUT', message: 'You are signed out.'});
    }
    try {
        const {body} = await send('POST', 'auth/refresh', {body: {refresh_token: mine.refreshToken}});
        if (credential === mine) {
            mine.accessToken = body.access_token;
            mine.refreshToken = body.refresh_token;
            mine.expiresAt = Date.now() + body.expires_in * 1000;
            renewIn(body.expires_in);
        }
    } catch (error) {
        const passing = error.status === 0 || error.status === 429 || error.status >= 500;
        if (passing) {
            renewIn(RETRY_SECONDS + RENEW_MARGIN_SECONDS);
        } else if (credential === mine) {
            end(error);
        }
        throw error;
    }
}

/**
 * An API call with the signed-in credential, acting for the chosen tenant. An expired access token is
 * renewed and the call made once more; any other 401 means the credential is no longer accepted.
 */
export async function call(method, path, {body, query} = {}) {
    const mine = credential;
    if (mine === null) {
        throw new ApiError({status: 401, code: 'SIGNED_OUT', message: 'You are signed out.'});
    }
    const options = () => ({token: mine.accessToken, tenantId: mine.actingFor?.id, body, query});
    try {
        return (await send(method, path, options())).body;
    } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 401 || credential !== mine) {
            throw error;
        }
        if (error.expired && mine.kind === 'session') {
            await renew();
            return (await send(method, path, options())).body;
        }
        end(error);
        throw error;
    }
}

export function actFor(tenant) {
    if (credential) {
        credential.actingFor = tenant ? {id: tenant.id, name: tenant.name} : null;
        changed('acting');
    }
}

/** A test credential sees test objects only, so its switch stays on test. */
export function environmentLocked() {
    return credential?.environment === 'test';
}

export function showEnvironment(environment) {
    if (credential && !environmentLocked() && credential.viewEnvironment !== environment) {
        credential.viewEnvironment = environment;
        changed('environment');
    }
}

/** The tenant the pages act on: the one chosen by a platform admin, else the credential's own. */
export function tenant() {
    if (credential === null) {
        return null;
    }
    return credential.actingFor ?? {id: credential.tenantId, name: credential.tenantName};
}

export function nameOwnTenant(name) {
    if (credential) {
        credential.tenantName = name;
    }
}
