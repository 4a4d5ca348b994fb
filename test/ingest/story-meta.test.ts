// A story's title and description: from the input's story_title / story_description when
// given (JSONL, CSV, front matter), else, for a story known only by a slug, from the words
// its articles' headlines share.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { projectPath } from '../../lib/project-paths.js';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { ingestRecords } from '../../ingest/ingest.js';
import { readSources } from '../../ingest/read.js';
import { homePage } from '../../server/pages/home.js';
import { tempStore } from '../helpers.js';
import type { TempStore } from '../helpers.js';

// One real excerpt, varied per article so each is a new text.
const BODY = readFileSync(projectPath('test', 'fixtures', 'ingest', 'nyt-blinken.txt'), 'utf8')
  .replace(/^---[\s\S]*?---\n/, '')
  .replace(/\n/g, ' ');

describe('story titles and descriptions', () => {
  let temp: TempStore;
  const analyzer = createAnalyzer();
  before(() => {
    temp = tempStore();
  });
  after(() => temp.cleanup());

  async function ingest(name: string, content: string): Promise<void> {
    const path = join(temp.dir, name);
    writeFileSync(path, content);
    const summary = await ingestRecords(
      readSources([path], { defaults: {} }),
      temp.store,
      analyzer,
    );
    assert.deepEqual(summary.rejected, []);
  }
  const story = async (slug: string) => (await temp.store.getStory(slug))!;
  const name = (n: number) => `version ${n}`;
  const line = (fields: Record<string, string>, n: number) =>
    JSON.stringify({ outlet: `Outlet ${n}`, text: `${BODY} (${name(n)})`, ...fields });

  test('a slug-named story is titled from the words its headlines share', async () => {
    await ingest(
      'slugged.jsonl',
      [
        line({ story: 'event-2023-06-a1', title: 'Blinken in Beijing for talks with Xi' }, 1),
        line({ story: 'event-2023-06-a1', title: 'Blinken in Beijing amid tensions' }, 2),
      ].join('\n'),
    );
    const s = await story('event-2023-06-a1');
    assert.equal(s.title, 'Blinken in Beijing');
    assert.equal(s.titleSource, 'headlines');
    const home = homePage([s]);
    assert.match(home.stories[0]?.titleNote ?? '', /made from its headlines: the words they share/);
  });

  test('story_title and story_description from a later row replace the made-up title', async () => {
    await ingest(
      'titled.jsonl',
      line(
        {
          story: 'event-2023-06-a1',
          title: 'Xi receives Blinken',
          story_title: 'Blinken in Beijing, June 2023',
          story_description: 'The first visit by a secretary of state since 2018.',
        },
        3,
      ),
    );
    const s = await story('event-2023-06-a1');
    assert.equal(s.title, 'Blinken in Beijing, June 2023');
    assert.equal(s.titleSource, 'metadata');
    assert.equal(s.description, 'The first visit by a secretary of state since 2018.');
    assert.equal(s.articleCount, 3, 'the same story, found by its slug');
    // A given title is kept when more articles come without one.
    await ingest('more.jsonl', line({ story: 'event-2023-06-a1', title: 'Blinken leaves' }, 4));
    assert.equal((await story('event-2023-06-a1')).title, 'Blinken in Beijing, June 2023');
  });

  test('front matter and CSV columns carry them too; a plain story name stays the title', async () => {
    await ingest(
      'a.md',
      `---\noutlet: CNN\nstory: g20-2024\nstory_title: G20 summit, Rio 2024\nstory_description: Leaders meet in Rio.\n---\n${BODY} (${name(5)})\n`,
    );
    assert.equal((await story('g20-2024')).title, 'G20 summit, Rio 2024');
    assert.equal((await story('g20-2024')).description, 'Leaders meet in Rio.');
    await ingest(
      'b.csv',
      `outlet,story,Story_Title,text\nCNN,apec-2023,"APEC in San Francisco","${BODY} (${name(6)})"\n`,
    );
    assert.equal((await story('apec-2023')).title, 'APEC in San Francisco');
    await ingest('c.jsonl', line({ story: 'Blinken visit', title: 'Blinken lands' }, 7));
    const plain = await story('blinken-visit');
    assert.equal(plain.title, 'Blinken visit');
    assert.equal(plain.titleSource, 'name');
  });
});
