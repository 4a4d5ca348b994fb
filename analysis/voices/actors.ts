// The actors of a story: who its speakers are and which side they speak for, with the side
// rules for speakers no actor entry lists. Both come from the story's codebook
// (codebooks/codebook.ts reads and validates it); this module only indexes the actors for
// lookup by name or alias. It deliberately does not decide sides for speakers it does not
// list (the role rules in sides.ts do that).

import type { SpeakerSide } from '../vocabulary/sides.js';
import type { SideRules } from './sides.js';

export interface Actor {
  name: string;
  aliases: string[];
  side: SpeakerSide;
  role: string | null;
}

export interface Actors {
  actors: Actor[];
  /** Lower-cased name or alias (curly apostrophes straightened) → actor. */
  byAlias: Map<string, Actor>;
  /** The codebook's side rules, for speakers no actor entry lists. */
  sides: SideRules;
}

/** The key names and aliases are looked up by. */
export function actorKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Indexes a codebook's actors by name and alias. */
export function indexActors(actors: Actor[], sides: SideRules): Actors {
  const byAlias = new Map<string, Actor>();
  for (const actor of actors) {
    for (const alias of [actor.name, ...actor.aliases]) byAlias.set(actorKey(alias), actor);
  }
  return { actors, byAlias, sides };
}
