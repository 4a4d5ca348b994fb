// Handlebars helpers: formatting only, no decisions (the view model decides what to show).

import { readFileSync } from 'node:fs';
import type Handlebars from 'handlebars';
import { projectPath } from '../lib/project-paths.js';
import { plural } from './plural.js';

export function registerHelpers(hbs: typeof Handlebars): void {
  // {{inlineStylesheet}}: Parallax's own stylesheet, inlined for the self-contained report
  // (views/report.hbs). It reads the shipped file itself, so no view model can put markup
  // into the page this way.
  let stylesheet: string | null = null;
  hbs.registerHelper('inlineStylesheet', () => {
    stylesheet ??= readFileSync(projectPath('views', 'static', 'parallax.css'), 'utf8');
    return new hbs.SafeString(stylesheet.replace(/<\//g, '<\\/'));
  });
  // {{number value digits}}: a number with thousands separators and fixed decimals; "–" for null.
  hbs.registerHelper('number', (value: unknown, digits: unknown) => formatNumber(value, digits));
  // {{plural count "story" "stories"}}: "1 story", "2 stories" (server/plural.ts); the plural
  // form defaults to the singular + "s".
  hbs.registerHelper('plural', (count: unknown, singular: unknown, pluralForm: unknown) => {
    if (typeof count !== 'number' || typeof singular !== 'string') {
      throw new Error('{{plural}} needs a number and a noun: {{plural count "story" "stories"}}');
    }
    return plural(count, singular, typeof pluralForm === 'string' ? pluralForm : undefined);
  });
}

/**
 * The {{number}} helper's text. A value that rounds to zero prints unsigned: −0.0012 with
 * two decimals is "0.00", not "-0.00".
 */
export function formatNumber(value: unknown, digits: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  const d = typeof digits === 'number' ? digits : 0;
  const shown = Number(value.toFixed(d)) === 0 ? 0 : value;
  return shown.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}
