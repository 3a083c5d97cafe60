// Platform admins: every tenant, its plan and status, and acting for one (X-Tenant-ID on every call).

import * as session from '../session.js';
import {button, field, fill, h, refill, table, time} from '../dom.js';
import {bindForm, showProblem} from '../problems.js';
import {dialog, page} from './page.js';

const PAGE_SIZE = 100;

export async function showTenants(main, {isCurrent}) {
    const problems = page(main, {title: 'Tenants',
        lede: 'Every tenant of this Portcullis, oldest first; new and found ones on top. Tenants are not of one environment: each has live and test objects.'});
    let plans = [];
    try {
        plans = (await session.call('GET', 'plans')).data;
    } catch (error) {
        if (isCurrent()) {
            showProblem(problems, error);
        }
    }
    if (!isCurrent()) {
        return;
    }
    const planOptions = plans.map(plan => ({value: plan.name, label: `${plan.name} (${plan.per_minute}/min, ${plan.per_day}/day)`}));
    const list = new TenantList(h('section', {id: 'tenant-list', 'aria-label': 'Tenants'}), problems, planOptions, isCurrent);
    if (session.can('platform_admin')) {
        main.append(h('div', {class: 'tenant-forms'}, createForm(planOptions, list), findForm(list)));
    }
    main.append(list.area);
    await list.more();
}

/**
 * The tenants on screen: pages in the API's order (oldest first), with the ones created or looked up
 * here put on top, so a new tenant is at hand however many there are. A change re-reads that tenant only.
 */
class TenantList {
    constructor(area, problems, planOptions, isCurrent) {
        Object.assign(this, {area, problems, planOptions, isCurrent, tenants: [], cursor: null});
    }

    async more() {
        try {
            const page = await session.call('GET', 'tenants', {query: {limit: PAGE_SIZE, cursor: this.cursor}});
            if (this.isCurrent()) {
                const known = new Set(this.tenants.map(tenant => tenant.id));
                this.tenants.push(...page.data.filter(tenant => !known.has(tenant.id)));
                this.cursor = page.next_cursor;
                this.draw();
            }
        } catch (error) {
            if (this.isCurrent()) {
                showProblem(this.problems, error);
            }
        }
    }

    onTop(tenant) {
        this.tenants = [tenant, ...this.tenants.filter(one => one.id !== tenant.id)];
        this.draw();
    }

    async reread(id) {
        const tenant = await session.call('GET', `tenants/${encodeURIComponent(id)}`);
        this.tenants = this.tenants.map(one => one.id === id ? tenant : one);
        this.draw();
    }

    draw() {
        refill(this.area,
            table({id: 'tenants-table', caption: `${this.tenants.length} tenant${this.tenants.length === 1 ? '' : 's'} shown`,
                columns: ['Name', 'ID', 'Plan', 'Status', 'Created', 'Actions'],
                rows: this.tenants.map(tenant => tenantRow(tenant, this))}),
            this.cursor ? button('Load more tenants', () => this.more(), {id: 'more-tenants'}) : null);
    }
}

function tenantRow(tenant, list) {
    const suspended = tenant.status === 'suspended';
    const limits = tenant.rate_limit ? ` (own: ${tenant.rate_limit.per_minute ?? 'plan'}/min, ${tenant.rate_limit.per_day ?? 'plan'}/day)` : '';
    const credential = session.current();
    const acting = credential.actingFor?.id === tenant.id;
    const own = tenant.id === credential.tenantId;
    return h('tr', {dataset: {tenantId: tenant.id, status: tenant.status}},
        h('th', {scope: 'row'}, tenant.name),
        h('td', {}, h('code', {}, tenant.id)),
        h('td', {class: 'tenant-plan'}, tenant.plan, limits ? h('span', {class: 'hint'}, limits) : null),
        h('td', {}, h('span', {class: `badge status-${tenant.status}`}, tenant.status)),
        h('td', {}, time(tenant.created_at)),
        h('td', {class: 'row-actions'},
            acting ? h('span', {class: 'badge'}, 'acting for it') : null,
            acting || own ? null : button('Act for', () => {
                session.actFor(tenant);
                location.hash = '#/keys';
            }, {'aria-label': `Act for ${tenant.name}`, class: 'act-for'}),
            session.can('platform_admin')
                ? button('Plan', () => changePlan(tenant, list), {'aria-label': `Change the plan of ${tenant.name}`, class: 'change-plan'})
                : null,
            own || !session.can('platform_admin')
                ? null
                : button(suspended ? 'Reactivate' : 'Suspend', () => changeStatus(tenant, list),
                    {'aria-label': `${suspended ? 'Reactivate' : 'Suspend'} ${tenant.name}`, class: suspended ? 'reactivate-tenant' : 'suspend-tenant danger'})));
}

function createForm(planOptions, list) {
    const problems = h('div', {class: 'form-problems', 'aria-live': 'polite'});
    const status = h('p', {role: 'status', class: 'note', id: 'tenant-created'});
    const form = h('form', {id: 'create-tenant-form', class: 'card', 'aria-labelledby': 'create-tenant-title'},
        h('h2', {id: 'create-tenant-title'}, 'New tenant'),
        problems,
        field({label: 'Name', name: 'name'}),
        field({label: 'Plan', name: 'plan', type: 'select', value: 'free', options: planOptions}),
        h('button', {type: 'submit', class: 'primary'}, 'Create tenant'),
        status);
    bindForm(form, problems, async () => {
        const data = new FormData(form);
        const tenant = await session.call('POST', 'tenants', {body: {name: data.get('name').trim(), plan: data.get('plan')}});
        form.reset();
        fill(status, 'Created ', h('strong', {}, tenant.name), ' ', h('code', {id: 'created-tenant-id'}, tenant.id), ': it is on top of the list.');
        list.onTop(tenant);
    });
    return form;
}

function findForm(list) {
    const problems = h('div', {class: 'form-problems', 'aria-live': 'polite'});
    const form = h('form', {id: 'find-tenant-form', class: 'card', 'aria-labelledby': 'find-tenant-title'},
        h('h2', {id: 'find-tenant-title'}, 'Find a tenant'),
        problems,
        field({label: 'Tenant ID', name: 'id', hint: 'tenant_…, as your customer tells it.', attrs: {spellcheck: 'false'}}),
        h('button', {type: 'submit'}, 'Find'));
    bindForm(form, problems, async () => {
        const id = new FormData(form).get('id').trim();
        list.onTop(await session.call('GET', `tenants/${encodeURIComponent(id)}`));
    });
    return form;
}

function changePlan(tenant, list) {
    const edit = dialog({id: 'tenant-plan-dialog', title: `Plan of ${tenant.name}`, confirm: 'Save the plan',
        body: [field({label: 'Plan', name: 'plan', type: 'select', value: tenant.plan, options: list.planOptions}),
            h('p', {class: 'hint'}, 'The new limits apply from the tenant\u2019s next request.')]});
    bindForm(edit.form, edit.problems, async () => {
        const plan = new FormData(edit.form).get('plan');
        if (plan !== tenant.plan) {
            await session.call('PATCH', `tenants/${encodeURIComponent(tenant.id)}`, {body: {plan}});
        }
        edit.close();
        await list.reread(tenant.id);
    });
    edit.open();
}

function changeStatus(tenant, list) {
    const suspending = tenant.status !== 'suspended';
    const confirm = dialog({id: 'tenant-status-dialog', title: suspending ? `Suspend ${tenant.name}?` : `Reactivate ${tenant.name}?`,
        confirm: suspending ? 'Suspend the tenant' : 'Reactivate the tenant', danger: suspending,
        body: h('p', {}, suspending
            ? 'Every key of the tenant gets 403 TENANT_SUSPENDED and its sessions end, until it is reactivated. You can still manage it here.'
            : 'The tenant\u2019s keys work again; its users sign in again (their sessions ended at the suspension).')});
    bindForm(confirm.form, confirm.problems, async () => {
        await session.call('PATCH', `tenants/${encodeURIComponent(tenant.id)}`, {body: {status: suspending ? 'suspended' : 'active'}});
        confirm.close();
        await list.reread(tenant.id);
    });
    confirm.open();
}
