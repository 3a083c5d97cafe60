// A stacked bar chart drawn as SVG: one bar per day, one segment per series. Colours come from the
// stylesheet (series-0 … series-7, refused), so the chart needs no inline style.

import {h, svg} from '../dom.js';

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = {top: 16, right: 12, bottom: 36, left: 56};
const MAX_X_LABELS = 10;

/** {@code series}: [{label, className, values: Map(day → count)}], drawn bottom up in that order. */
export function stackedBars({id, title, days, series}) {
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const totals = days.map(day => series.reduce((sum, one) => sum + (one.values.get(day) ?? 0), 0));
    const top = niceCeiling(Math.max(1, ...totals));
    const step = plotWidth / Math.max(1, days.length);
    const barWidth = Math.max(1, step * 0.7);
    const y = value => MARGIN.top + plotHeight - (value / top) * plotHeight;
    const titleId = `${id}-title`;
    const descId = `${id}-desc`;
    const chart = svg('svg', {id, class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`},
        svg('title', {id: titleId}, title),
        svg('desc', {id: descId}, `${days.length} days from ${days[0]} to ${days[days.length - 1]}; the highest day has ${Math.max(0, ...totals)} requests. The table below has every number.`));
    for (const fraction of [0, 0.5, 1]) {
        const value = Math.round(top * fraction);
        chart.append(
            svg('line', {class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value)}),
            svg('text', {class: 'axis-label', x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end'}, value.toLocaleString()));
    }
    const labelEvery = Math.ceil(days.length / MAX_X_LABELS);
    days.forEach((day, index) => {
        const x = MARGIN.left + index * step + (step - barWidth) / 2;
        let base = 0;
        const bar = svg('g', {class: 'bar', dataset: {day}});
        for (const one of series) {
            const count = one.values.get(day) ?? 0;
            if (count > 0) {
                bar.append(svg('rect', {class: one.className, x, width: barWidth, y: y(base + count), height: y(base) - y(base + count)},
                    svg('title', {}, `${one.label}, ${day}: ${count.toLocaleString()}`)));
                base += count;
            }
        }
        chart.append(bar);
        if (index % labelEvery === 0) {
            chart.append(svg('text', {class: 'axis-label', x: x + barWidth / 2, y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle'}, day.slice(5)));
        }
    });
    chart.append(svg('line', {class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0)}));
    const legend = h('ul', {class: 'legend', 'aria-label': 'Legend'}, series.map(one =>
        h('li', {}, svg('svg', {class: 'swatch', viewBox: '0 0 10 10', 'aria-hidden': 'true'}, svg('rect', {class: one.className, width: 10, height: 10})), one.label)));
    return h('figure', {class: 'chart-figure'}, chart, legend);
}

/** 1, 2 or 5 times a power of ten: round numbers on the axis. */
function niceCeiling(value) {
    const power = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map(factor => factor * power).find(candidate => candidate >= value);
}
