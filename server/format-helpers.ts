// Handlebars helpers: formatting only, no decisions (the view model decides what to show).

import type Handlebars from 'handlebars';

export function registerHelpers(hbs: typeof Handlebars): void {
  // {{number value digits}}: a number with thousands separators and fixed decimals; "–" for null.
  hbs.registerHelper('number', (value: unknown, digits: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
    const d = typeof digits === 'number' ? digits : 0;
    return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  });
}
