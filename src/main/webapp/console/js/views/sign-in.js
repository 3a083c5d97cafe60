// Signing in: with email, password and tenant (a session, renewed while the page is open), or with
// an admin API key. Either way the credential stays in this page's memory and nowhere else.

import * as session from '../session.js';
import {field, h} from '../dom.js';
import {bindForm, problemBox} from '../problems.js';

export function showSignIn(main, {problem, signedOutByRequest}) {
    const notice = h('div', {id: 'sign-in-notice', 'aria-live': 'polite'});
    if (problem) {
        notice.append(problemBox(problem, {title: `You were signed out: ${problem.message}`}));
    } else if (signedOutByRequest) {
        notice.append(h('p', {class: 'note'}, 'You signed out. The tokens of that session no longer work.'));
    }
    main.append(
        h('h1', {tabindex: -1}, 'Sign in to the Portcullis console'),
        notice,
        h('div', {class: 'sign-in-columns'}, passwordForm(), keyForm()),
        h('p', {class: 'hint'}, 'Nothing is stored in this browser: reloading or closing the page signs you out.'));
}

function passwordForm() {
    const problems = h('div', {class: 'form-problems', 'aria-live': 'polite'});
    const form = h('form', {id: 'password-sign-in', class: 'card', 'aria-labelledby': 'password-sign-in-title'},
        h('h2', {id: 'password-sign-in-title'}, 'With your email and password'),
        problems,
        field({label: 'Email', name: 'email', type: 'email', attrs: {autocomplete: 'username', required: true}}),
        field({label: 'Password', name: 'password', type: 'password', attrs: {autocomplete: 'current-password', required: true}}),
        field({label: 'Tenant ID', name: 'tenant_id', hint: 'Your organisation\u2019s id, such as tenant_8fK2…', attrs: {autocomplete: 'organization', required: true, spellcheck: 'false'}}),
        h('fieldset', {class: 'field inline-choices', dataset: {field: 'environment'}},
            h('legend', {}, 'Environment'),
            radio('sign-in-environment', 'live', 'Live', true),
            radio('sign-in-environment', 'test', 'Test', false)),
        h('button', {type: 'submit', class: 'primary'}, 'Sign in'));
    bindForm(form, problems, async () => {
        const data = new FormData(form);
        await session.signInWithPassword({
            email: data.get('email').trim(),
            password: data.get('password'),
            tenantId: data.get('tenant_id').trim(),
            environment: data.get('sign-in-environment'),
        });
    });
    return form;
}

function keyForm() {
    const problems = h('div', {class: 'form-problems', 'aria-live': 'polite'});
    const form = h('form', {id: 'key-sign-in', class: 'card', 'aria-labelledby': 'key-sign-in-title'},
        h('h2', {id: 'key-sign-in-title'}, 'With an admin API key'),
        problems,
        field({label: 'API key', name: 'key', type: 'password', apiField: 'key',
            hint: 'sk_live_…, sk_test_… or a tenant key. Its role and environment are the console\u2019s.',
            attrs: {autocomplete: 'off', spellcheck: 'false', required: true}}),
        h('button', {type: 'submit', class: 'primary'}, 'Sign in with the key'));
    bindForm(form, problems, async () => {
        const key = new FormData(form).get('key').trim().replace(/^Bearer\s+/i, '');
        await session.signInWithKey(key);
    });
    return form;
}

function radio(name, value, label, checked) {
    const id = `${name}-${value}`;
    return h('span', {class: 'choice'},
        h('input', {type: 'radio', id, name, value, checked}),
        h('label', {for: id}, label));
}
