// Handlebars rendering: compiles the page templates and the partials (the layout is one)
// in views/ once at start-up, and renders a page from its view model. Templates only
// print what the view model decides; the few helpers live in server/format-helpers.ts.

import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectPath } from '../lib/project-paths.js';
import { registerHelpers } from './format-helpers.js';

export interface LayoutModel {
  title: string;
  /** Breadcrumb trail shown above the page title. */
  crumbs: { label: string; href: string }[];
}

export type Renderer = <M extends LayoutModel>(page: string, model: M) => string;

export function createRenderer(viewsDir = projectPath('views')): Renderer {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const partialsDir = join(viewsDir, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(basename(file, '.hbs'), readFileSync(join(partialsDir, file), 'utf8'));
  }
  const compile = (file: string) =>
    hbs.compile(readFileSync(join(viewsDir, file), 'utf8'), { strict: true, noEscape: false });
  // Each page wraps itself in the layout partial ({{#> layout}} … {{/layout}}), so no
  // page body is ever passed around as unescaped HTML.
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of readdirSync(viewsDir).filter((f) => f.endsWith('.hbs'))) {
    pages.set(basename(file, '.hbs'), compile(file));
  }
  return (page, model) => {
    const template = pages.get(page);
    if (!template) throw new Error(`no template views/${page}.hbs`);
    return template(model);
  };
}
