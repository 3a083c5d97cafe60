// How the console shows what the API refused: the API's own message and request id (which an operator
// finds in the server log), the wait of a 429, and a VALIDATION_FAILED next to the field it names.

import {ApiError} from './http.js';
import {h} from './dom.js';

/** A box saying what went wrong; {@code brief} for forms, where the message itself sits at the field. */
export function problemBox(error, {brief = false, title} = {}) {
    const box = h('div', {class: 'problem', role: 'alert', dataset: {code: error.code ?? 'ERROR', status: error.status ?? 0}});
    const heading = title ?? (brief ? 'The server did not accept this form: see the field marked below.' : error.message);
    box.append(h('p', {class: 'problem-message'}, heading));
    if (error.status === 429 && error.retryAfter !== null) {
        box.append(countdown(error.retryAfter));
    }
    const facts = h('dl', {class: 'problem-facts'});
    if (error.code && error.status) {
        facts.append(h('dt', {}, 'Code'), h('dd', {}, h('code', {}, error.code), ` (HTTP ${error.status})`));
    }
    if (error.details?.required_role) {
        facts.append(h('dt', {}, 'Needs role'), h('dd', {}, h('code', {}, error.details.required_role)));
    }
    if (error.details?.required_scope) {
        facts.append(h('dt', {}, 'Needs scope'), h('dd', {}, h('code', {}, error.details.required_scope)));
    }
    if (error.requestId) {
        facts.append(h('dt', {}, 'Request ID'), h('dd', {}, h('code', {class: 'request-id'}, error.requestId)));
    }
    if (facts.childElementCount > 0) {
        box.append(facts);
    }
    return box;
}

/** "Try again in 12 seconds", counting down while it is on screen. */
function countdown(seconds) {
    const line = h('p', {class: 'retry-after', dataset: {retryAfter: seconds}});
    const until = Date.now() + seconds * 1000;
    const tick = () => {
        const left = Math.ceil((until - Date.now()) / 1000);
        if (left > 0) {
            line.textContent = `Too many requests: wait ${left} second${left === 1 ? '' : 's'} before trying again.`;
        } else {
            line.textContent = 'You can try again now.';
        }
        return left > 0;
    };
    tick();
    let shown = false;
    const timer = setInterval(() => {
        shown ||= line.isConnected;
        if ((shown && !line.isConnected) || !tick()) {
            clearInterval(timer);
        }
    }, 1000);
    return line;
}

/** Shows {@code error} in {@code area}; anything but an API error is a bug and goes on to the console. */
export function showProblem(area, error, options) {
    if (!(error instanceof ApiError)) {
        throw error;
    }
    area.replaceChildren(problemBox(error, options));
}

export function clearFieldProblems(form) {
    for (const message of form.querySelectorAll('.field-error')) {
        const control = form.querySelector(`[aria-describedby~="${message.id}"]`);
        if (control) {
            control.removeAttribute('aria-invalid');
            const rest = control.getAttribute('aria-describedby').split(' ').filter(id => id !== message.id);
            if (rest.length) {
                control.setAttribute('aria-describedby', rest.join(' '));
            } else {
                control.removeAttribute('aria-describedby');
            }
        }
        message.remove();
    }
}

/** The control the API means by {@code field} ("rate_limit.per_minute", "allowed_ips", …), if the form has one. */
function controlFor(form, field) {
    return [...form.querySelectorAll('[data-field]')].find(control => control.dataset.field === field) ?? null;
}

function markField(control, error) {
    const id = `${control.id || control.dataset.field.replace(/[^a-z0-9]+/gi, '-')}-error`;
    const message = h('p', {class: 'field-error', id, dataset: {field: error.field}}, error.message);
    (control.closest('.field') ?? control.parentElement).append(message);
    control.setAttribute('aria-invalid', 'true');
    const described = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', described ? `${described} ${id}` : id);
    const focusable = control.matches('fieldset') ? control.querySelector('input, select, textarea') : control;
    focusable?.focus();
}

/**
 * Submits {@code form} through {@code action(form)} instead of the browser (the CSP forbids native
 * submission anyway). While one submission runs, others are ignored; the button keeps its focus.
 */
export function bindForm(form, problems, action) {
    let busy = false;
    form.noValidate = true;
    form.addEventListener('submit', async event => {
        event.preventDefault();
        if (busy) {
            return;
        }
        busy = true;
        const submit = form.querySelector('[type=submit]');
        submit?.setAttribute('aria-disabled', 'true');
        form.setAttribute('aria-busy', 'true');
        clearFieldProblems(form);
        problems.replaceChildren();
        try {
            await action(form);
        } catch (error) {
            if (!(error instanceof ApiError)) {
                throw error;
            }
            const control = error.field ? controlFor(form, error.field) : null;
            problems.replaceChildren(problemBox(error, {brief: control !== null}));
            if (control) {
                markField(control, error);
            }
        } finally {
            busy = false;
            submit?.removeAttribute('aria-disabled');
            form.removeAttribute('aria-busy');
        }
    });
}

/** The non-empty lines or comma-separated entries of a text box. */
export function entries(text) {
    return text.split(/[\s,]+/).map(entry => entry.trim()).filter(Boolean);
}

/** A number field: null when empty, the text itself when not a number (so the API names the field). */
export function numberOrText(text) {
    const trimmed = text.trim();
    if (trimmed === '') {
        return null;
    }
    return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}
