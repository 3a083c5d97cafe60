// The tenant's IP allowlist: every credential of the tenant, live and test, is refused from other addresses.

import * as session from '../session.js';
import {button, field, h} from '../dom.js';
import {bindForm, entries, showProblem} from '../problems.js';
import {dialog, page, tenantLabel} from './page.js';

export async function showAllowlist(main, {isCurrent}) {
    const problems = page(main, {title: 'IP allowlist',
        lede: `Addresses every credential of ${tenantLabel()} may call from, in both environments. Keys can narrow it further with their own.`});
    let current;
    try {
        current = (await session.call('GET', 'auth/ip-allowlist')).allowed_ips ?? [];
    } catch (error) {
        if (isCurrent()) {
            showProblem(problems, error);
        }
        return;
    }
    if (!isCurrent()) {
        return;
    }
    const summary = h('p', {id: 'allowlist-summary', role: 'status'});
    const describe = list => {
        summary.textContent = list.length === 0
            ? 'No allowlist: the tenant\u2019s credentials work from any address.'
            : `Allowed: ${list.join(', ')}.`;
    };
    describe(current);
    const formProblems = h('div', {class: 'form-problems', 'aria-live': 'polite'});
    const form = h('form', {id: 'allowlist-form', class: 'card', 'aria-labelledby': 'allowlist-title'},
        h('h2', {id: 'allowlist-title'}, 'Change the allowlist'),
        formProblems,
        field({label: 'Allowed addresses and networks', name: 'allowed_ips', type: 'textarea', value: current.join('\n'),
            hint: 'One per line: 192.168.1.0/24, 10.0.0.100, 2001:db8::/32. Include the address you use the console from, or it locks you out too.',
            attrs: {rows: 6, spellcheck: 'false'}}),
        h('div', {class: 'actions'},
            h('button', {type: 'submit', class: 'primary'}, 'Save the allowlist'),
            button('Remove the allowlist', () => remove(), {id: 'remove-allowlist', class: 'danger'})));
    bindForm(form, formProblems, async () => {
        const saved = await session.call('POST', 'auth/ip-allowlist', {body: {allowed_ips: entries(new FormData(form).get('allowed_ips'))}});
        form.querySelector('textarea').value = saved.allowed_ips.join('\n');
        describe(saved.allowed_ips);
    });
    const remove = () => {
        const confirm = dialog({id: 'remove-allowlist-dialog', title: 'Remove the allowlist?', confirm: 'Remove it', danger: true,
            body: h('p', {}, 'The tenant\u2019s credentials then work from any address (keys with their own list keep it).')});
        bindForm(confirm.form, confirm.problems, async () => {
            await session.call('DELETE', 'auth/ip-allowlist');
            confirm.close();
            form.querySelector('textarea').value = '';
            describe([]);
        });
        confirm.open();
    };
    main.append(summary, form);
}
