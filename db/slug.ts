// URL-safe identifiers for outlets and stories, made from their display names
// ("The New York Times" → "the-new-york-times", "Blinken in Beijing, June 2023" →
// "blinken-in-beijing-june-2023"). Stable: the same name always gives the same slug.

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'untitled';
}
