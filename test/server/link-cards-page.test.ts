// The article page shows a link card left in scraped text as stored, greyed and apart from
// the cues (analysis/segmentation/link-cards.ts): the reader sees why its words score nothing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { serverFixture } from '../helpers.js';

// The card's shape, with made-up names and headlines (as test/analysis/segmentation/link-cards.test.ts).
const CARD = "Janet (Jane) Q. DoeSmith says 'disaster' looms? Budget talks stall: report MORE";
const SENTENCE = `Sen. Jane Doe ${CARD} (D-Ore.) said on Monday that the budget talks would go on.`;

describe('link cards on the article page', () => {
  const fx = serverFixture();

  async function store(text: string, source: string): Promise<number> {
    const analyzer = createAnalyzer();
    const run = await fx.temp.store.startRun(analyzer.info);
    const [result] = await fx.temp.store.addArticles(
      [
        {
          story: { title: 'Card story' },
          outlet: { name: 'Test Hill' },
          title: null,
          url: null,
          author: null,
          publishedDate: null,
          text,
          source,
          analysis: analyzer.analyze(text),
        },
      ],
      run.id,
    );
    assert.equal(result?.status, 'added');
    return result?.status === 'added' ? result.articleId : 0;
  }

  test('a card is shown whole, greyed, with no cue inside it, and the legend says why', async () => {
    const id = await store(`Budget talks resume\n\n${SENTENCE}`, 'card.txt');
    const page = await fx.server.get(`/articles/${id}`);
    assert.equal(page.status, 200);
    const escaped = CARD.replace(/'/g, '&#x27;');
    const marks = page.text.match(/<mark class="link-card"[^>]*>[^<]*<\/mark>/g) ?? [];
    assert.equal(marks.length, 2, 'the card in the text and the legend sample');
    assert.ok(marks[1]!.endsWith(`>${escaped}</mark>`), marks[1]);
    assert.match(page.text, /a link card left in the page's text/);
    // "disaster" is a tone word, but not in a card: no cue mark holds it.
    assert.doesNotMatch(page.text, /<mark class="cue-[^"]*"[^>]*>[^<]*disaster/);
  });

  test('an article without a card has no grey text and no legend line for it', async () => {
    const id = await store(
      'Budget talks resume\n\nSen. Jane Doe said the talks would go on.',
      'plain.txt',
    );
    const page = await fx.server.get(`/articles/${id}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /link-card/);
  });
});
