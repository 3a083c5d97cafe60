// Platform admins: the plans tenants are on, with their per-minute and per-day limits.

import * as session from '../session.js';
import {button, field, h, table} from '../dom.js';
import {bindForm, numberOrText, showProblem} from '../problems.js';
import {dialog, page} from './page.js';

export async function showPlans(main, {isCurrent}) {
    const problems = page(main, {title: 'Plans',
        lede: 'Each tenant\u2019s requests are limited per minute and per UTC day by its plan (or by its own numbers).'});
    const listArea = h('section', {id: 'plan-list', 'aria-label': 'Plans'});
    const reload = async () => {
        try {
            const plans = (await session.call('GET', 'plans')).data;
            if (isCurrent()) {
                listArea.replaceChildren(table({id: 'plans-table', caption: `${plans.length} plans`,
                    columns: ['Name', 'Per minute', 'Per day', 'Actions'],
                    rows: plans.map(plan => h('tr', {dataset: {plan: plan.name}},
                        h('th', {scope: 'row'}, plan.name),
                        h('td', {class: 'number'}, plan.per_minute.toLocaleString()),
                        h('td', {class: 'number'}, plan.per_day.toLocaleString()),
                        h('td', {class: 'row-actions'}, session.can('platform_admin')
                            ? button('Edit', () => editPlan(plan, reload), {'aria-label': `Edit ${plan.name}`, class: 'edit-plan'})
                            : null)))}));
            }
        } catch (error) {
            if (isCurrent()) {
                showProblem(problems, error);
            }
        }
    };
    if (session.can('platform_admin')) {
        main.append(createForm(reload));
    }
    main.append(listArea);
    await reload();
}

function limitFields(plan) {
    return h('div', {class: 'field-pair'},
        field({label: 'Requests per minute', name: 'per_minute', type: 'number', value: plan?.per_minute ?? '', attrs: {min: 1, inputmode: 'numeric'}}),
        field({label: 'Requests per day', name: 'per_day', type: 'number', value: plan?.per_day ?? '', attrs: {min: 1, inputmode: 'numeric'}}));
}

function createForm(reload) {
    const problems = h('div', {class: 'form-problems', 'aria-live': 'polite'});
    const form = h('form', {id: 'create-plan-form', class: 'card', 'aria-labelledby': 'create-plan-title'},
        h('h2', {id: 'create-plan-title'}, 'New plan'),
        problems,
        field({label: 'Name', name: 'name', hint: 'Lower-case letters, digits, - and _; a plan cannot be renamed.', attrs: {spellcheck: 'false'}}),
        limitFields(null),
        h('button', {type: 'submit', class: 'primary'}, 'Create plan'));
    bindForm(form, problems, async () => {
        const data = new FormData(form);
        await session.call('POST', 'plans', {body: {name: data.get('name').trim(),
            per_minute: numberOrText(data.get('per_minute')), per_day: numberOrText(data.get('per_day'))}});
        form.reset();
        await reload();
    });
    return form;
}

function editPlan(plan, reload) {
    const edit = dialog({id: 'edit-plan-dialog', title: `Plan ${plan.name}`, confirm: 'Save the limits',
        body: [limitFields(plan), h('p', {class: 'hint'}, 'Every tenant on this plan gets the new limits from its next request.')]});
    bindForm(edit.form, edit.problems, async () => {
        const data = new FormData(edit.form);
        await session.call('PATCH', `plans/${encodeURIComponent(plan.name)}`, {body: {
            per_minute: numberOrText(data.get('per_minute')), per_day: numberOrText(data.get('per_day'))}});
        edit.close();
        await reload();
    });
    edit.open();
}
