// What every page of a signed-in view starts with: a heading, a line on whose objects are shown, and
// a place for the API's refusals.

import * as session from '../session.js';
import {append, h} from '../dom.js';

export function page(main, {title, lede}) {
    const problems = h('div', {class: 'page-problems', id: 'page-problems', 'aria-live': 'polite'});
    append(main, [h('h1', {tabindex: -1}, title), lede ? h('p', {class: 'lede'}, lede) : null, problems]);
    return problems;
}

/** "Acme (tenant_…)", or the id alone while the name is unknown. */
export function tenantLabel() {
    const tenant = session.tenant();
    return tenant.name ? `${tenant.name} (${tenant.id})` : tenant.id;
}

export function environmentLabel(environment) {
    return h('span', {class: `badge env-${environment}`}, environment);
}

/** A modal dialog, closed by Escape or its Cancel button, gone from the page once closed. */
export function dialog({title, body, confirm, danger = false, id}) {
    const titleId = `${id}-title`;
    const problems = h('div', {class: 'form-problems', 'aria-live': 'polite'});
    const form = h('form', {class: 'dialog-form'});
    const element = h('dialog', {id, 'aria-labelledby': titleId},
        form);
    // A dialog that destroys something opens on Cancel, so Enter alone cannot confirm it.
    const cancel = h('button', {type: 'button', class: 'quiet', autofocus: danger, onclick: () => element.close()}, 'Cancel');
    append(form, [
        h('h2', {id: titleId}, title),
        problems,
        body,
        h('div', {class: 'actions'},
            h('button', {type: 'submit', class: danger ? 'danger' : 'primary'}, confirm),
            cancel)]);
    element.addEventListener('close', () => element.remove());
    document.body.append(element);
    return {element, form, problems, open: () => element.showModal(), close: () => element.close()};
}
