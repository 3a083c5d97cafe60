// Who is signed in, for which tenant and environment, and what this role can open.

import * as session from '../session.js';
import {h, time} from '../dom.js';
import {PAGES} from '../shell.js';
import {showProblem} from '../problems.js';
import {environmentLabel, page, tenantLabel} from './page.js';

export async function showOverview(main, {isCurrent}) {
    const credential = session.current();
    const problems = page(main, {title: 'Overview'});
    const facts = h('dl', {class: 'facts', id: 'identity-facts'});
    const add = (name, ...value) => facts.append(h('dt', {}, name), h('dd', {}, value));
    add('Signed in as', credential.label);
    add('With', credential.kind === 'session' ? 'a session (email and password)' : 'an API key');
    add('Role', h('code', {}, credential.role));
    add('Tenant', tenantLabel());
    add('Environment', environmentLabel(credential.environment));
    if (credential.scopes.length) {
        add('Scopes', credential.scopes.join(', '));
    }
    if (credential.kind === 'session') {
        add('Session renews itself before', time(new Date(credential.expiresAt).toISOString()));
    }
    main.append(facts);
    const pages = PAGES.filter(entry => entry.route && session.can(entry.role));
    if (pages.length) {
        main.append(h('h2', {}, 'Manage'), h('ul', {class: 'links'}, pages.map(entry => h('li', {}, h('a', {href: `#/${entry.route}`}, entry.label)))));
    } else {
        main.append(h('p', {class: 'note'}, `A ${credential.role} manages nothing here: keys, users, allowlists and usage are for admins.`));
    }
    try {
        const health = await session.call('GET', 'health');
        if (isCurrent()) {
            main.append(h('p', {class: 'hint', id: 'server-version'}, `${health.service} ${health.version}, server time `, time(health.timestamp)));
        }
    } catch (error) {
        if (isCurrent()) {
            showProblem(problems, error);
        }
    }
}
