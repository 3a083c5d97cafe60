// Keys of the tenant the console acts on, in the environment the switch shows: create (the secret shown
// once), edit, roll with a grace period, revoke after a confirmation.

import * as session from '../session.js';
import {button, checkboxes, field, fill, h, refill, table, time} from '../dom.js';
import {bindForm, entries, numberOrText, showProblem} from '../problems.js';
import {dialog, environmentLabel, page, tenantLabel} from './page.js';

export const SCOPES = ['keys:read', 'keys:manage', 'keys:verify', 'users:read', 'users:manage', 'tenants:read',
    'tenants:manage', 'plans:read', 'plans:manage', 'usage:read', 'allowlist:read', 'allowlist:manage', 'files:read', 'files:write'];
const PAGE_SIZE = 100;
const GRACE_PRESETS = [
    {value: '0', label: 'None: the old secret stops working now'},
    {value: '3600', label: '1 hour'},
    {value: '86400', label: '24 hours'},
    {value: '604800', label: '7 days (the longest)'},
];

export async function showKeys(main, {isCurrent}) {
    const environment = session.current().viewEnvironment;
    const problems = page(main, {title: 'Keys', lede: `The ${environment} keys of ${tenantLabel()}. The switch at the top shows the other environment\u2019s.`});
    const secretArea = h('div', {id: 'secret-area'});
    const listArea = h('section', {id: 'key-list', 'aria-label': 'Keys'});
    const reload = () => loadKeys(listArea, problems, secretArea, environment, isCurrent);
    main.append(secretArea);
    if (session.can('admin')) {
        main.append(createSection(environment, secretArea, reload));
    }
    main.append(listArea);
    await reload();
}

/** Every page of keys, filtered to the environment on screen: a live credential gets both. */
async function loadKeys(listArea, problems, secretArea, environment, isCurrent) {
    let keys = [];
    let cursor = null;
    let hidden = 0;
    const draw = () => {
        const shown = keys.filter(key => key.environment === environment);
        refill(listArea,
            shown.length === 0
                ? h('p', {class: 'note', id: 'no-keys'}, `No ${environment} keys yet.`)
                : table({id: 'keys-table', caption: `${shown.length} ${environment} key${shown.length === 1 ? '' : 's'}`,
                    columns: ['Name', 'Environment', 'Key', 'Role', 'Status', 'Last used', 'Expires', 'Created', 'Actions'],
                    rows: shown.map(key => keyRow(key, secretArea, reloadAll))}),
            hidden > 0 ? h('p', {class: 'hint'}, `${hidden} key${hidden === 1 ? '' : 's'} of the other environment not shown.`) : null,
            cursor ? button('Load more keys', more, {id: 'more-keys'}) : null);
    };
    const more = async () => {
        try {
            const page = await session.call('GET', 'keys', {query: {limit: PAGE_SIZE, cursor}});
            if (!isCurrent()) {
                return;
            }
            keys = keys.concat(page.data);
            hidden = keys.filter(key => key.environment !== environment).length;
            cursor = page.next_cursor;
            draw();
        } catch (error) {
            if (isCurrent()) {
                showProblem(problems, error);
            }
        }
    };
    const reloadAll = () => loadKeys(listArea, problems, secretArea, environment, isCurrent);
    await more();
}

function keyRow(key, secretArea, reload) {
    const active = key.status === 'active';
    return h('tr', {dataset: {keyId: key.id, status: key.status}},
        h('th', {scope: 'row'}, key.name),
        h('td', {}, environmentLabel(key.environment)),
        h('td', {}, h('code', {class: 'key-hint'}, `${key.prefix}\u2026${key.last4}`), key.type === 'tenant' ? h('span', {class: 'hint'}, ' tenant key') : null),
        h('td', {}, key.role, key.scopes.length ? h('div', {class: 'hint'}, key.scopes.join(', ')) : null),
        h('td', {}, h('span', {class: `badge status-${key.status}`}, key.status),
            key.previous_key_valid_until ? h('div', {class: 'hint'}, 'old secret until ', time(key.previous_key_valid_until)) : null),
        h('td', {class: 'last-used'}, time(key.last_used_at, 'never')),
        h('td', {}, time(key.expires_at, 'never')),
        h('td', {}, time(key.created_at)),
        h('td', {class: 'row-actions'}, active ? [
            button('Edit', () => editKey(key, reload), {'aria-label': `Edit ${key.name}`, class: 'edit-key'}),
            button('Roll', () => rollKey(key, secretArea, reload), {'aria-label': `Roll ${key.name}`, class: 'roll-key'}),
            button('Revoke', () => revokeKey(key, reload), {'aria-label': `Revoke ${key.name}`, class: 'revoke-key danger'}),
        ] : h('span', {class: 'muted'}, 'none')));
}

function roleOptions() {
    const roles = ['read_only', 'member', 'admin'];
    if (session.can('platform_admin') && session.tenant().id === 'tenant_platform') {
        roles.push('platform_admin');
    }
    return roles.map(role => ({value: role, label: role}));
}

function createSection(environment, secretArea, reload) {
    const problems = h('div', {class: 'form-problems', 'aria-live': 'polite'});
    const form = h('form', {id: 'create-key-form', class: 'card', hidden: true, 'aria-labelledby': 'create-key-title'},
        h('h2', {id: 'create-key-title'}, `New ${environment} key`),
        problems,
        field({label: 'Name', name: 'name', hint: 'What uses the key, so you know which to revoke.'}),
        field({label: 'Role', name: 'role', type: 'select', value: 'member', options: roleOptions()}),
        field({label: 'Type', name: 'type', type: 'select', value: 'secret', options: [
            {value: 'secret', label: 'Secret key (sk_\u2026)'},
            {value: 'tenant', label: 'Tenant key (tk_\u2026, bound to this tenant)'}]}),
        ...restrictionFields({}),
        h('p', {class: 'hint'}, 'Created in the ', environmentLabel(environment), ' environment, as the switch at the top says.'),
        h('div', {class: 'actions'},
            h('button', {type: 'submit', class: 'primary'}, 'Create key'),
            button('Cancel', () => toggle(false), {class: 'quiet'})));
    const opener = button('Create key', () => toggle(form.hidden), {id: 'create-key', 'aria-expanded': 'false', 'aria-controls': 'create-key-form', class: 'primary'});
    const toggle = open => {
        form.hidden = !open;
        opener.setAttribute('aria-expanded', String(open));
        if (open) {
            form.querySelector('input').focus();
        } else {
            opener.focus();
        }
    };
    bindForm(form, problems, async () => {
        const data = new FormData(form);
        const body = {name: data.get('name').trim(), environment, role: data.get('role'), type: data.get('type'), ...restrictions(data)};
        const created = await session.call('POST', 'keys', {body});
        form.reset();
        form.hidden = true;
        opener.setAttribute('aria-expanded', 'false');
        showSecret(secretArea, created, 'created');
        await reload();
    });
    return h('section', {class: 'create'}, opener, form);
}

/** Scopes, expiry, allowed IPs and limits: the same fields for a new key and an edited one. */
function restrictionFields(key) {
    return [
        checkboxes({legend: 'Scopes', name: 'scopes', values: SCOPES, checked: key.scopes ?? [],
            hint: 'None ticked: the role\u2019s full rights. Ticked: only these operations.'}),
        field({label: 'Expires', name: 'expires_at', type: 'datetime-local', value: localInput(key.expires_at),
            hint: key.id ? 'Your local time. An expiry can be moved, not removed.' : 'Your local time. Empty: never.'}),
        field({label: 'Allowed IPs', name: 'allowed_ips', type: 'textarea', value: (key.allowed_ips ?? []).join('\n'),
            hint: 'Addresses or CIDRs, one per line (203.0.113.7, 10.0.0.0/8, 2001:db8::/32). Empty: any address the tenant allows.'}),
        h('div', {class: 'field-pair'},
            field({label: 'Requests per minute', name: 'per_minute', apiField: 'rate_limit.per_minute', type: 'number',
                value: key.rate_limit?.per_minute ?? '', hint: 'Empty: the tenant\u2019s limit.', attrs: {min: 1, inputmode: 'numeric'}}),
            field({label: 'Requests per day', name: 'per_day', apiField: 'rate_limit.per_day', type: 'number',
                value: key.rate_limit?.per_day ?? '', hint: 'Empty: the tenant\u2019s limit.', attrs: {min: 1, inputmode: 'numeric'}})),
    ];
}

function restrictions(data) {
    const body = {};
    const scopes = data.getAll('scopes');
    if (scopes.length) {
        body.scopes = scopes;
    }
    const expires = data.get('expires_at');
    if (expires) {
        body.expires_at = isoFromLocal(expires);
    }
    const ips = entries(data.get('allowed_ips'));
    if (ips.length) {
        body.allowed_ips = ips;
    }
    const perMinute = numberOrText(data.get('per_minute'));
    const perDay = numberOrText(data.get('per_day'));
    if (perMinute !== null || perDay !== null) {
        body.rate_limit = {per_minute: perMinute, per_day: perDay};
    }
    return body;
}

/** The secret, this once: a warning, a copy button, and a button that takes it off the page. */
export function showSecret(area, key, how) {
    const status = h('p', {class: 'copy-status', role: 'status', id: 'copy-status'});
    const input = h('input', {id: 'new-secret', class: 'secret', readonly: true, value: key.key, spellcheck: 'false', autocomplete: 'off'});
    const copy = async () => {
        try {
            await navigator.clipboard.writeText(input.value);
            status.textContent = 'Copied to the clipboard.';
        } catch {
            input.focus();
            input.select();
            status.textContent = 'Selected: press Ctrl+C (\u2318C on a Mac) to copy it.';
        }
    };
    const panel = h('section', {class: 'secret-panel', id: 'secret-panel', 'aria-labelledby': 'secret-title'},
        h('h2', {id: 'secret-title'}, how === 'rolled' ? `New secret of ${key.name}` : `Secret of the new key ${key.name}`),
        h('p', {class: 'warning', id: 'secret-warning'}, h('strong', {}, 'Copy it now: this is the only time it is shown.'),
            ' Portcullis keeps only a hash of it and can never show it again; if it is lost, roll the key for a new one.'),
        h('div', {class: 'field'},
            h('label', {for: 'new-secret'}, 'Secret key'),
            h('div', {class: 'secret-row'}, input, button('Copy', copy, {id: 'copy-secret'}))),
        how === 'rolled' && key.previous_key_valid_until
            ? h('p', {}, 'The previous secret keeps working until ', time(key.previous_key_valid_until), '.')
            : null,
        status,
        button('I have stored it: remove it from the page', () => {
            panel.remove();
            document.querySelector('main h1')?.focus();
        }, {id: 'dismiss-secret'}));
    fill(area, panel);
    input.focus();
    input.select();
}

function editKey(key, reload) {
    const edit = dialog({id: 'edit-key-dialog', title: `Edit ${key.name}`, confirm: 'Save changes',
        body: [field({label: 'Name', name: 'name', value: key.name}), ...restrictionFields(key)]});
    bindForm(edit.form, edit.problems, async () => {
        const data = new FormData(edit.form);
        const wanted = restrictions(data);
        const change = {};
        const name = data.get('name').trim();
        if (name !== key.name) {
            change.name = name;
        }
        if (!sameSet(wanted.scopes ?? [], key.scopes)) {
            change.scopes = wanted.scopes ?? [];
        }
        if (!sameSet(wanted.allowed_ips ?? [], key.allowed_ips ?? [])) {
            change.allowed_ips = wanted.allowed_ips ?? [];
        }
        if (wanted.expires_at && localInput(wanted.expires_at) !== localInput(key.expires_at)) {
            change.expires_at = wanted.expires_at;
        }
        const limits = wanted.rate_limit ?? {per_minute: null, per_day: null};
        if (limits.per_minute !== (key.rate_limit?.per_minute ?? null) || limits.per_day !== (key.rate_limit?.per_day ?? null)) {
            change.rate_limit = limits;
        }
        if (Object.keys(change).length > 0) {
            await session.call('PATCH', `keys/${encodeURIComponent(key.id)}`, {body: change});
        }
        edit.close();
        await reload();
    });
    edit.open();
}

function rollKey(key, secretArea, reload) {
    const roll = dialog({id: 'roll-key-dialog', title: `Roll ${key.name}`, confirm: 'Roll the key',
        body: [
            h('p', {}, 'A new secret for the same key: same id, role, scopes and limits. Clients need the new secret.'),
            field({label: 'The old secret keeps working for', name: 'grace', type: 'select', value: '3600', options: GRACE_PRESETS}),
            field({label: 'Or a grace period in seconds', name: 'grace_period_seconds', type: 'number',
                hint: '0 to 604800. Filled in, this wins over the choice above.', attrs: {min: 0, max: 604800, inputmode: 'numeric'}}),
        ]});
    bindForm(roll.form, roll.problems, async () => {
        const data = new FormData(roll.form);
        const own = numberOrText(data.get('grace_period_seconds'));
        const grace = own ?? Number(data.get('grace'));
        const rolled = await session.call('POST', `keys/${encodeURIComponent(key.id)}/roll`, {body: {grace_period_seconds: grace}});
        roll.close();
        showSecret(secretArea, rolled, 'rolled');
        await reload();
    });
    roll.open();
}

function revokeKey(key, reload) {
    const revoke = dialog({id: 'revoke-key-dialog', title: `Revoke ${key.name}?`, confirm: 'Revoke the key', danger: true,
        body: h('p', {}, 'Every request with ', h('code', {}, `${key.prefix}\u2026${key.last4}`),
            ' gets 401 from now on, on every node, including a previous secret still in its grace period. This cannot be undone.')});
    bindForm(revoke.form, revoke.problems, async () => {
        await session.call('DELETE', `keys/${encodeURIComponent(key.id)}`);
        revoke.close();
        await reload();
    });
    revoke.open();
}

function sameSet(one, other) {
    return one.length === other.length && one.every(value => other.includes(value));
}

/** An instant as a datetime-local value, in the reader's time zone. */
function localInput(iso) {
    if (!iso) {
        return '';
    }
    const date = new Date(iso);
    const pad = number => String(number).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function isoFromLocal(value) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
