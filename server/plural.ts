// How every page says a count: "1 story", "2 stories", "1,234 sentences". The one place that
// chooses singular or plural (templates reach it through the {{plural}} Handlebars helper),
// so no page prints "1 stories" or "article(s)". English nouns only; no other grammar.

/** `count` and its noun in the right number: plural(1, 'story', 'stories') → "1 story". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
