// Every element of the console is built here. Text goes in as text nodes and attributes as
// attribute values: nothing that reaches these functions is ever parsed as HTML, so nothing the API
// returns can become markup or script.

const SVG = 'http://www.w3.org/2000/svg';
let nextId = 0;

/** A unique id for label/input pairs and aria references. */
export function uid(prefix) {
    nextId += 1;
    return `${prefix}-${nextId}`;
}

function build(element, props, children) {
    for (const [name, value] of Object.entries(props ?? {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            if (typeof value !== 'function') {
                throw new TypeError(`${name} must be a function: the console has no inline handlers`);
            }
            element.addEventListener(name.slice(2), value);
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (name === 'value' && 'value' in element) {
            element.value = value;
        } else if (name === 'checked' || name === 'selected') {
            element[name] = Boolean(value);
        } else {
            element.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

export function append(parent, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
}

/** Replaces the children of {@code parent}, leaving out null, undefined and false and flattening arrays. */
export function fill(parent, ...children) {
    parent.replaceChildren();
    return append(parent, children);
}

/**
 * {@link fill} for a list that is drawn again after a change: a keyboard user whose focus was in it
 * finds it on the same control again (by its label), or on the list, not thrown back to the page's top.
 */
export function refill(area, ...children) {
    const focused = area.contains(document.activeElement) ? document.activeElement : null;
    const name = control => control.getAttribute('aria-label') ?? control.id ?? control.textContent;
    const wanted = focused ? name(focused) : null;
    fill(area, ...children);
    if (focused) {
        const again = [...area.querySelectorAll('button, a, input, select, textarea')].find(control => name(control) === wanted);
        (again ?? area.querySelector('.table-frame') ?? area).focus();
    }
    return area;
}

/** {@code h('p', {class: 'note'}, 'text', otherElement)}. */
export function h(tag, props, ...children) {
    return build(document.createElement(tag), props, children);
}

export function svg(tag, props, ...children) {
    return build(document.createElementNS(SVG, tag), props, children);
}

/** A time as the reader's local time, with the exact UTC instant in {@code datetime} and the tooltip. */
export function time(iso, fallback = '—') {
    if (!iso) {
        return h('span', {class: 'muted'}, fallback);
    }
    const date = new Date(iso);
    return h('time', {datetime: iso, title: iso}, date.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'}));
}

/** A labelled form control with room for a hint and for the API's complaint about it. */
export function field({label, name, type = 'text', value, hint, apiField, options, attrs = {}}) {
    const id = uid(name.replace(/[^a-z0-9]+/gi, '-'));
    const hintId = hint ? `${id}-hint` : null;
    let control;
    const common = {id, name, 'aria-describedby': hintId, dataset: {field: apiField ?? name}, ...attrs};
    if (type === 'select') {
        control = h('select', common, options.map(option => h('option', {value: option.value, selected: option.value === value}, option.label)));
    } else if (type === 'textarea') {
        control = h('textarea', {...common, rows: attrs.rows ?? 3}, value ?? '');
    } else {
        control = h('input', {...common, type, value: value ?? ''});
    }
    return h('div', {class: 'field'},
        h('label', {for: id}, label),
        control,
        hint ? h('p', {class: 'hint', id: hintId}, hint) : null);
}

/** A group of checkboxes, one per value, named by the API's field. */
export function checkboxes({legend, name, values, checked = [], hint}) {
    const hintId = hint ? uid(`${name}-hint`) : null;
    return h('fieldset', {class: 'field checkboxes', dataset: {field: name}, 'aria-describedby': hintId},
        h('legend', {}, legend),
        hint ? h('p', {class: 'hint', id: hintId}, hint) : null,
        h('div', {class: 'checkbox-grid'}, values.map(value => {
            const id = uid(`${name}-${value}`.replace(/[^a-z0-9]+/gi, '-'));
            return h('div', {class: 'checkbox'},
                h('input', {type: 'checkbox', id, name, value, checked: checked.includes(value)}),
                h('label', {for: id}, value));
        })));
}

/** A table in a frame that scrolls sideways on a narrow screen instead of widening the page. */
export function table({caption, columns, rows, id}) {
    const captionId = uid('caption');
    return h('div', {class: 'table-frame', tabindex: 0, role: 'region', 'aria-labelledby': captionId},
        h('table', {id},
            h('caption', {id: captionId}, caption),
            h('thead', {}, h('tr', {}, columns.map(column => h('th', {scope: 'col'}, column)))),
            h('tbody', {}, rows)));
}

export function button(label, onclick, props = {}) {
    return h('button', {type: 'button', onclick, ...props}, label);
}
