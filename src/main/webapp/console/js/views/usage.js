// Requests per UTC day per key (and per user, for sessions), admitted and refused, from /v1/usage.

import * as session from '../session.js';
import {field, fill, h, table} from '../dom.js';
import {bindForm, showProblem} from '../problems.js';
import {environmentLabel, page, tenantLabel} from './page.js';
import {stackedBars} from './chart.js';

const SERIES_COLOURS = 8;
const DAY = 24 * 60 * 60 * 1000;

function utcDay(date) {
    return date.toISOString().slice(0, 10);
}

export async function showUsage(main, {isCurrent}) {
    const credential = session.current();
    const environment = credential.viewEnvironment;
    const problems = page(main, {title: 'Usage', lede: `Requests of ${tenantLabel()}\u2019s ${environment} keys per UTC day.`});
    const formProblems = h('div', {class: 'form-problems', 'aria-live': 'polite'});
    const form = h('form', {id: 'usage-form', class: 'card inline-form', 'aria-label': 'Days to show'},
        formProblems,
        field({label: 'From (UTC day)', name: 'from', type: 'date', hint: 'Empty: six days before To.'}),
        field({label: 'To (UTC day)', name: 'to', type: 'date', hint: 'Empty: the server\u2019s today.'}),
        h('button', {type: 'submit', class: 'primary'}, 'Show'));
    const result = h('section', {id: 'usage-result', 'aria-label': 'Usage', 'aria-live': 'polite'});
    main.append(form, result);
    const names = await subjectNames(credential, environment, problems);
    if (!isCurrent()) {
        return;
    }
    bindForm(form, formProblems, async () => {
        const data = new FormData(form);
        const report = await session.call('GET', 'usage', {query: {from: data.get('from'), to: data.get('to')}});
        if (isCurrent()) {
            // The server's days, which the form shows from now on: its clock decides what today is.
            form.elements.from.value = report.from;
            form.elements.to.value = report.to;
            drawReport(result, report, names, environment);
        }
    });
    form.requestSubmit();
}

/** Names for the subjects on screen: keys of this environment, and users when they are of it too. */
async function subjectNames(credential, environment, problems) {
    const names = new Map();
    try {
        const keys = await session.call('GET', 'keys', {query: {limit: 200}});
        for (const key of keys.data.filter(one => one.environment === environment)) {
            names.set(key.id, {label: `${key.name} (${key.prefix}\u2026${key.last4})`, kind: 'key'});
        }
        if (environment === credential.environment) {
            const users = await session.call('GET', 'users', {query: {limit: 200}});
            for (const user of users.data) {
                names.set(user.id, {label: `${user.email} (sessions)`, kind: 'user'});
            }
        }
    } catch (error) {
        showProblem(problems, error);
    }
    return names;
}

function drawReport(result, report, names, environment) {
    const days = [];
    for (let day = new Date(`${report.from}T00:00:00Z`); utcDay(day) <= report.to; day = new Date(day.getTime() + DAY)) {
        days.push(utcDay(day));
    }
    const rows = report.data.filter(row => names.has(row.subject_id));
    const leftOut = new Set(report.data.filter(row => !names.has(row.subject_id)).map(row => row.subject_id)).size;
    const subjects = [...new Set(rows.map(row => row.subject_id))]
        .sort((one, other) => total(rows, other) - total(rows, one));
    const series = subjects.slice(0, SERIES_COLOURS - 1).map((subject, index) => ({
        label: names.get(subject).label,
        className: `series-${index}`,
        values: perDay(rows.filter(row => row.subject_id === subject), 'allowed'),
    }));
    const rest = subjects.slice(SERIES_COLOURS - 1);
    if (rest.length) {
        series.push({label: `${rest.length} more`, className: `series-${SERIES_COLOURS - 1}`,
            values: perDay(rows.filter(row => rest.includes(row.subject_id)), 'allowed')});
    }
    series.push({label: 'Refused (all)', className: 'refused', values: perDay(rows, 'refused')});
    const allowed = rows.reduce((sum, row) => sum + row.allowed, 0);
    const refused = rows.reduce((sum, row) => sum + row.refused, 0);
    fill(result,
        h('h2', {}, `${report.from} to ${report.to} `, environmentLabel(environment)),
        h('p', {id: 'usage-totals'}, `${allowed.toLocaleString()} requests admitted, ${refused.toLocaleString()} refused.`,
            leftOut ? ` ${leftOut} subject${leftOut === 1 ? '' : 's'} of the other environment left out.` : ''),
        rows.length === 0
            ? h('p', {class: 'note', id: 'no-usage'}, 'No requests in these days.')
            : [stackedBars({id: 'usage-chart', title: `Requests per day, ${environment} keys`, days, series}),
                table({id: 'usage-table', caption: 'Requests per day and subject',
                    columns: ['Day (UTC)', 'Key or user', 'Admitted', 'Refused'],
                    rows: [...rows].sort((one, other) => other.day.localeCompare(one.day) || other.allowed - one.allowed).map(row =>
                        h('tr', {dataset: {subjectId: row.subject_id, day: row.day}},
                            h('td', {}, row.day),
                            h('th', {scope: 'row'}, names.get(row.subject_id).label),
                            h('td', {class: 'number allowed'}, row.allowed.toLocaleString()),
                            h('td', {class: 'number refused'}, row.refused.toLocaleString())))})]);
}

function total(rows, subject) {
    return rows.filter(row => row.subject_id === subject).reduce((sum, row) => sum + row.allowed + row.refused, 0);
}

function perDay(rows, column) {
    const values = new Map();
    for (const row of rows) {
        values.set(row.day, (values.get(row.day) ?? 0) + row[column]);
    }
    return values;
}
