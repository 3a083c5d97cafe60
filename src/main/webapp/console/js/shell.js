// The parts around every page: who is signed in, the live/test switch, the tenant a platform admin
// acts for, and the pages this role may open.

import * as session from './session.js';
import {button, fill, h} from './dom.js';

/** The pages, in menu order, with the least role that can use them. */
export const PAGES = [
    {route: '', label: 'Overview', role: 'read_only'},
    {route: 'tenants', label: 'Tenants', role: 'platform_admin'},
    {route: 'plans', label: 'Plans', role: 'platform_admin'},
    {route: 'keys', label: 'Keys', role: 'admin'},
    {route: 'users', label: 'Users', role: 'admin'},
    {route: 'allowlist', label: 'IP allowlist', role: 'admin'},
    {route: 'usage', label: 'Usage', role: 'admin'},
];

export function update(credential, route) {
    const environment = credential?.viewEnvironment ?? 'live';
    document.body.classList.toggle('env-test', credential !== null && environment === 'test');
    document.getElementById('environment-banner').hidden = !(credential !== null && environment === 'test');
    environmentSwitch(document.getElementById('environment-switch'), credential);
    identity(document.getElementById('identity'), credential);
    actingFor(document.getElementById('acting-for'), credential);
    nav(document.getElementById('nav'), credential, route);
}

/** Built once per sign-in and then only updated, so the radio that has the focus keeps it. */
function environmentSwitch(container, credential) {
    if (credential === null) {
        container.replaceChildren();
        return;
    }
    const locked = session.environmentLocked();
    if (!container.firstChild) {
        const choice = value => {
            const id = `environment-${value}`;
            return h('span', {class: `switch-option switch-${value}`},
                h('input', {type: 'radio', name: 'environment', id, value, onchange: () => session.showEnvironment(value)}),
                h('label', {for: id}, value === 'live' ? 'Live' : 'Test'));
        };
        container.append(h('fieldset', {class: 'switch', 'aria-describedby': 'environment-switch-hint'},
            h('legend', {}, 'Environment'),
            choice('live'),
            choice('test'),
            h('span', {id: 'environment-switch-hint', class: 'visually-hidden'})));
    }
    for (const radio of container.querySelectorAll('input[type=radio]')) {
        radio.checked = radio.value === credential.viewEnvironment;
        radio.disabled = locked;
    }
    container.querySelector('#environment-switch-hint').textContent = locked
        ? 'Signed in with a test credential: only test objects can be seen.'
        : 'Chooses which environment\u2019s keys are shown and created.';
}

function identity(container, credential) {
    if (credential === null) {
        container.replaceChildren();
        return;
    }
    fill(container,
        h('span', {class: 'who', id: 'signed-in-as'},
            h('span', {class: 'who-label'}, credential.label),
            ' ',
            h('span', {class: 'badge', id: 'signed-in-role'}, credential.role)),
        button('Sign out', () => session.signOut(), {id: 'sign-out', class: 'quiet'}));
}

function actingFor(container, credential) {
    const tenant = credential?.actingFor;
    container.hidden = !tenant;
    if (!tenant) {
        container.replaceChildren();
        return;
    }
    fill(container,
        h('p', {id: 'acting-for-tenant'}, 'Acting for tenant ', h('strong', {}, tenant.name), ' ', h('code', {}, tenant.id),
            ': keys, users, allowlist and usage are this tenant\u2019s.'),
        button('Stop acting for this tenant', () => session.actFor(null), {class: 'quiet', id: 'stop-acting'}));
}

function nav(container, credential, route) {
    container.hidden = credential === null;
    if (credential === null) {
        container.replaceChildren();
        return;
    }
    fill(container, h('ul', {}, PAGES.filter(page => session.can(page.role)).map(page =>
        h('li', {}, h('a', {href: `#/${page.route}`, id: `nav-${page.route || 'overview'}`,
            'aria-current': page.route === route ? 'page' : null}, page.label)))));
}
