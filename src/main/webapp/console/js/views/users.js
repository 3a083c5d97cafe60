// Users of the tenant the console acts on: create, change role, disable or enable, set a new password.
// Users belong to the environment of the credential that created them, so this page shows the
// credential's environment only; the switch cannot show another's.

import * as session from '../session.js';
import {button, field, h, refill, table, time} from '../dom.js';
import {bindForm, showProblem} from '../problems.js';
import {dialog, environmentLabel, page, tenantLabel} from './page.js';

const PAGE_SIZE = 100;

function roleOptions() {
    const roles = ['read_only', 'member', 'admin'];
    if (session.can('platform_admin') && session.tenant().id === 'tenant_platform') {
        roles.push('platform_admin');
    }
    return roles.map(role => ({value: role, label: role}));
}

export async function showUsers(main, {isCurrent}) {
    const credential = session.current();
    const problems = page(main, {title: 'Users',
        lede: `The ${credential.environment} users of ${tenantLabel()}: people who sign in with email and password.`});
    if (credential.viewEnvironment !== credential.environment) {
        main.append(h('div', {class: 'note', id: 'users-other-environment'},
            h('p', {}, 'Users and their sessions belong to one environment, that of the credential that made them. You are signed in to ',
                environmentLabel(credential.environment), ', so this page cannot show ', environmentLabel(credential.viewEnvironment), ' users.'),
            h('p', {}, `To manage them, sign in again choosing ${credential.viewEnvironment} (or with a ${credential.viewEnvironment} admin key).`),
            button(`Show ${credential.environment} users`, () => session.showEnvironment(credential.environment))));
        return;
    }
    const listArea = h('section', {id: 'user-list', 'aria-label': 'Users'});
    const reload = () => loadUsers(listArea, problems, isCurrent);
    if (session.can('admin')) {
        main.append(createForm(reload));
    }
    main.append(listArea);
    await reload();
}

async function loadUsers(listArea, problems, isCurrent) {
    let users = [];
    let cursor = null;
    const reload = () => loadUsers(listArea, problems, isCurrent);
    const more = async () => {
        try {
            const page = await session.call('GET', 'users', {query: {limit: PAGE_SIZE, cursor}});
            if (!isCurrent()) {
                return;
            }
            users = users.concat(page.data);
            cursor = page.next_cursor;
            refill(listArea,
                users.length === 0
                    ? h('p', {class: 'note'}, 'No users yet.')
                    : table({id: 'users-table', caption: `${users.length} user${users.length === 1 ? '' : 's'}`,
                        columns: ['Email', 'Role', 'Status', 'Created', 'Actions'],
                        rows: users.map(user => userRow(user, reload))}),
                cursor ? button('Load more users', more, {id: 'more-users'}) : null);
        } catch (error) {
            if (isCurrent()) {
                showProblem(problems, error);
            }
        }
    };
    await more();
}

function userRow(user, reload) {
    return h('tr', {dataset: {userId: user.id}},
        h('th', {scope: 'row'}, user.email),
        h('td', {}, user.role),
        h('td', {}, h('span', {class: `badge status-${user.disabled ? 'disabled' : 'active'}`}, user.disabled ? 'disabled' : 'active')),
        h('td', {}, time(user.created_at)),
        h('td', {class: 'row-actions'},
            button('Role', () => changeRole(user, reload), {'aria-label': `Change the role of ${user.email}`, class: 'change-role'}),
            button(user.disabled ? 'Enable' : 'Disable', () => toggleDisabled(user, reload),
                {'aria-label': `${user.disabled ? 'Enable' : 'Disable'} ${user.email}`, class: user.disabled ? 'enable-user' : 'disable-user danger'}),
            button('New password', () => newPassword(user, reload), {'aria-label': `Set a new password for ${user.email}`, class: 'new-password'})));
}

function createForm(reload) {
    const problems = h('div', {class: 'form-problems', 'aria-live': 'polite'});
    const status = h('p', {role: 'status', class: 'note', id: 'user-created'});
    const form = h('form', {id: 'create-user-form', class: 'card', 'aria-labelledby': 'create-user-title'},
        h('h2', {id: 'create-user-title'}, 'New user'),
        problems,
        field({label: 'Email', name: 'email', type: 'email', attrs: {autocomplete: 'off'}}),
        field({label: 'Password', name: 'password', type: 'password', hint: '12 to 128 characters. Tell it to the person over a safe channel.',
            attrs: {autocomplete: 'new-password'}}),
        field({label: 'Role', name: 'role', type: 'select', value: 'member', options: roleOptions()}),
        h('button', {type: 'submit', class: 'primary'}, 'Create user'),
        status);
    bindForm(form, problems, async () => {
        const data = new FormData(form);
        const user = await session.call('POST', 'users', {body: {email: data.get('email').trim(), password: data.get('password'), role: data.get('role')}});
        form.reset();
        status.textContent = `Created ${user.email} (${user.role}).`;
        await reload();
    });
    return form;
}

function changeRole(user, reload) {
    const edit = dialog({id: 'user-role-dialog', title: `Role of ${user.email}`, confirm: 'Save the role',
        body: [field({label: 'Role', name: 'role', type: 'select', value: user.role, options: roleOptions()}),
            h('p', {class: 'hint'}, 'A new role ends the user\u2019s current sessions: they sign in again.')]});
    bindForm(edit.form, edit.problems, async () => {
        const role = new FormData(edit.form).get('role');
        if (role !== user.role) {
            await session.call('PATCH', `users/${encodeURIComponent(user.id)}`, {body: {role}});
        }
        edit.close();
        await reload();
    });
    edit.open();
}

function toggleDisabled(user, reload) {
    const disabling = !user.disabled;
    const confirm = dialog({id: 'user-disable-dialog', title: disabling ? `Disable ${user.email}?` : `Enable ${user.email}?`,
        confirm: disabling ? 'Disable the user' : 'Enable the user', danger: disabling,
        body: h('p', {}, disabling
            ? 'The user\u2019s sessions and tokens stop working now, and signing in is refused until the user is enabled again.'
            : 'The user can sign in again with the same password.')});
    bindForm(confirm.form, confirm.problems, async () => {
        await session.call('PATCH', `users/${encodeURIComponent(user.id)}`, {body: {disabled: disabling}});
        confirm.close();
        await reload();
    });
    confirm.open();
}

function newPassword(user, reload) {
    const edit = dialog({id: 'user-password-dialog', title: `New password for ${user.email}`, confirm: 'Set the password',
        body: [field({label: 'New password', name: 'password', type: 'password', hint: '12 to 128 characters. The user\u2019s sessions end.',
            attrs: {autocomplete: 'new-password'}})]});
    bindForm(edit.form, edit.problems, async () => {
        await session.call('PATCH', `users/${encodeURIComponent(user.id)}`, {body: {password: new FormData(edit.form).get('password')}});
        edit.close();
        await reload();
    });
    edit.open();
}
