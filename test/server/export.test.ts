// The CSV exports over HTTP: every export with its header, filters and refusals, a round
// trip back through csv-parse against the store's rows, the run stamp, byte-identical
// output for the same data, and spreadsheet formula injection neutralised in text cells only.

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { ingestRecords } from '../../ingest/ingest.js';
import { COLUMNS, EXPORTS, exportRows, writeCsv } from '../../server/api/csv.js';
import { reanalyzeArticles } from '../../ingest/reanalyze.js';
import { corpusStore, serve, serverFixture, tempStore } from '../helpers.js';

const STORY = 'blinken-in-beijing-june-2023';

function records(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
}

function header(csv: string): string[] {
  return csv.slice(0, csv.indexOf('\r\n')).split(',');
}

/** Collects writeCsv's output in memory. */
async function csvText(write: (out: Writable) => Promise<void>): Promise<string> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await write(out);
  return Buffer.concat(chunks).toString('utf8');
}

describe('CSV exports over the bundled corpus', () => {
  const fx = serverFixture();

  test('every export is a CSV download with its documented columns, in order', async () => {
    for (const what of EXPORTS) {
      const response = await fetch(`${fx.server.base}/export/${what}.csv?story=${STORY}`);
      assert.equal(response.status, 200, what);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.match(
        response.headers.get('content-disposition') ?? '',
        new RegExp(`attachment; filename="?${what}-${STORY}\\.csv`),
      );
      const text = await response.text();
      assert.deepEqual(header(text), COLUMNS[what], what);
      assert.ok(records(text).length > 0, what);
    }
  });

  test('segments round-trip: parsed back, every row equals the stored segment', async () => {
    const csv = (await fx.server.get(`/export/segments.csv?story=${STORY}`)).text;
    const rows = records(csv);
    const articles = await fx.temp.store.listArticles(STORY);
    let stored = 0;
    for (const summary of articles) {
      const article = (await fx.temp.store.getArticle(summary.id))!;
      const speakers = new Map(article.speakers.map((s) => [s.id, s]));
      for (const s of article.segments) {
        stored++;
        const row = rows.find((r) => Number(r.segment_id) === s.id);
        assert.ok(row, `segment ${s.id}`);
        const cell = (value: string | number | null) => (value === null ? '' : String(value));
        // A text cell a spreadsheet would run as a formula carries a leading apostrophe.
        assert.equal((row.text ?? '').replace(/^'(?=[=+\-@\t\r])/, ''), s.text);
        assert.equal(row.article_id, String(article.id));
        assert.equal(row.outlet_slug, article.outlet.slug);
        assert.equal(row.kind, s.kind);
        assert.equal(row.start_offset, String(s.start));
        assert.equal(row.end_offset, String(s.end));
        assert.equal(article.text.slice(s.start, s.end).length, s.end - s.start);
        assert.equal(row.tone_combined, cell(s.tone));
        assert.equal(row.tone_afinn, cell(s.toneAfinn));
        assert.equal(row.expectation, cell(s.expectation));
        assert.equal(row.expectation_score, cell(s.expectationScore));
        assert.equal(row.hedge_count, String(s.hedges));
        assert.equal(row.quote_kind, cell(s.quote));
        const speaker = s.speakerId === null ? null : speakers.get(s.speakerId)!;
        assert.equal(row.speaker_name, cell(speaker?.name ?? null));
        assert.equal(row.speaker_side, cell(speaker?.side ?? null));
        assert.equal(row.run_id, String(article.run.id));
        assert.equal(row.lexicon_hash, article.run.lexiconHash);
      }
    }
    assert.equal(rows.length, stored);
  });

  test('cue hits carry the words they matched; speakers their sentence counts', async () => {
    const article = (await fx.temp.store.getArticle(1))!;
    const hits = records((await fx.server.get('/export/cue_hits.csv?article=1')).text);
    assert.equal(hits.length, article.segments.flatMap((s) => s.cueHits).length);
    for (const hit of hits) {
      assert.equal(
        hit.matched_text,
        article.text.slice(Number(hit.start_offset), Number(hit.end_offset)),
      );
    }
    const speakers = records((await fx.server.get('/export/speakers.csv?article=1')).text);
    assert.equal(speakers.length, article.speakers.length);
    for (const speaker of speakers) {
      const credited = article.segments.filter(
        (s) =>
          s.speakerId === Number(speaker.speaker_id) &&
          (s.kind === 'headline' || s.kind === 'body'),
      ).length;
      assert.equal(Number(speaker.sentence_count), credited, speaker.name);
    }
  });

  test('the summary holds the API figures as plain numbers with intervals around the mean', async () => {
    const rows = records((await fx.server.get(`/export/summary.csv?story=${STORY}`)).text);
    const api = JSON.parse((await fx.server.get(`/api/stories/${STORY}`)).text) as {
      outlets: { outlet: string; tone: { mean: number; interval: { low: number } } | null }[];
    };
    assert.equal(rows.length, 5);
    for (const row of rows) {
      const low = Number(row.tone_low);
      const mean = Number(row.tone_mean);
      assert.ok(low <= mean && mean <= Number(row.tone_high), row.outlet_slug);
      assert.ok(Number(row.share_quoted) >= 0 && Number(row.share_quoted) <= 1);
      const figures = api.outlets.find((o) => o.outlet === row.outlet_slug)!;
      assert.equal(mean, figures.tone!.mean);
      assert.equal(low, figures.tone!.interval.low);
    }
    const lead = records(
      (await fx.server.get(`/export/summary.csv?story=${STORY}&part=lead`)).text,
    );
    assert.ok(lead.every((r) => r.part === 'lead'));
    assert.ok(Number(lead[0]!.sentence_count) < Number(rows[0]!.sentence_count));
  });

  test('terms holds the distinctive words the story page lists, with the z and counts it shows, per tab', async () => {
    for (const part of ['all', 'lead']) {
      const rows = records(
        (await fx.server.get(`/export/terms.csv?story=${STORY}&part=${part}`)).text,
      );
      const html = (await fx.server.get(`/stories/${STORY}?part=${part}`)).text;
      assert.match(html, new RegExp(`href="/export/terms\\.csv\\?story=${STORY}&part=${part}"`));
      const panel = /<h2 id="words-h">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      // The page: each outlet's column, its words as "word z 1.9 · 6×".
      const page = [...panel.matchAll(/<h3>([^<]*)<\/h3>([\s\S]*?)<\/div>/g)].map((m) => ({
        outlet: m[1]!,
        words: [
          ...m[2]!.matchAll(
            /<li>(?:<a [^>]*>)?([^<]*)(?:<\/a>)? <span class="sub">z ([\d.-]+) · (\d+)×/g,
          ),
        ].map((w) => `${w[1]} ${w[2]} ${w[3]}`),
      }));
      assert.equal(page.length, 5);
      assert.ok(page.some((o) => o.words.length > 0));
      for (const { outlet, words } of page) {
        const exported = rows
          .filter((r) => r.outlet_name === outlet)
          .sort((a, b) => Number(a.rank) - Number(b.rank))
          .map((r) => `${r.word} ${Number(r.z).toFixed(1)} ${r.count}`);
        assert.deepEqual(exported, words, `${outlet}, ${part}`);
      }
      assert.ok(rows.every((r) => r.part === part));
      // The statistic as the README gives it, from the row's own counts.
      for (const r of rows) {
        const [yi, yj, ni, total] = [
          r.count,
          r.other_count,
          r.outlet_term_count,
          r.story_term_count,
        ].map(Number) as [number, number, number, number];
        const alpha = yi + yj;
        const delta =
          Math.log((yi + alpha) / (ni + total - yi - alpha)) -
          Math.log((yj + alpha) / (total - ni + total - yj - alpha));
        assert.ok(Math.abs(delta - Number(r.log_odds)) < 1e-9, r.word);
        assert.ok(
          Math.abs(delta / Math.sqrt(1 / (yi + alpha) + 1 / (yj + alpha)) - Number(r.z)) < 1e-9,
        );
      }
    }
    const cnn = records((await fx.server.get(`/export/terms.csv?story=${STORY}&outlet=cnn`)).text);
    assert.ok(cnn.length > 0 && cnn.every((r) => r.outlet_slug === 'cnn'));
    const refused = await fx.server.get('/export/terms.csv?article=1');
    assert.equal(refused.status, 400);
  });

  test('summary_parties round-trips: one row per outlet and party, the API’s framing numbers', async () => {
    const rows = records((await fx.server.get(`/export/summary_parties.csv?story=${STORY}`)).text);
    const api = JSON.parse((await fx.server.get(`/api/stories/${STORY}`)).text) as ApiStory;
    assert.deepEqual(
      rows.map((r) => `${r.outlet_slug}:${r.party}`),
      api.outlets.flatMap((o) => ['us_gov', 'china_gov'].map((p) => `${o.outlet}:${p}`)),
    );
    let withInterval = 0;
    for (const row of rows) {
      assert.equal(row.codebook, 'us-china');
      assert.equal(row.part, 'all');
      const outlet = api.outlets.find((o) => o.outlet === row.outlet_slug)!;
      const toward = outlet.framing.toward.find((t) => t.party === row.party)!;
      assert.equal(row.party_name, toward.name);
      assert.equal(Number(row.toward_sentence_count), toward.sentences);
      if (toward.tone === null) {
        assert.equal(row.toward_tone_mean, '');
        continue;
      }
      assert.equal(Number(row.toward_tone_mean), toward.tone.mean);
      if (toward.tone.interval) {
        withInterval++;
        assert.equal(Number(row.toward_tone_low), toward.tone.interval.low);
        assert.equal(Number(row.toward_tone_high), toward.tone.interval.high);
        assert.ok(Number(row.toward_tone_low) <= Number(row.toward_tone_mean));
      }
      assert.equal(Number(row.voice_share), outlet.voices[row.party!]?.share ?? 0);
      const verbs = outlet.framing.speechVerbs.find((v) => v.side === row.party)!;
      assert.equal(Number(row.distancing_verb_count), verbs.distancing);
      assert.equal(Number(row.neutral_verb_count), verbs.neutral);
    }
    assert.ok(withInterval > 0, 'some outlet has an interval toward a party');
    const lead = records(
      (await fx.server.get(`/export/summary_parties.csv?story=${STORY}&part=lead&outlet=cnn`)).text,
    );
    assert.deepEqual(
      lead.map((r) => `${r.outlet_slug}:${r.part}:${r.party}`),
      ['cnn:lead:us_gov', 'cnn:lead:china_gov'],
    );
  });

  test('every row is stamped with its run and the hash of the data in scope', async () => {
    const stamp = await fx.temp.store.dataStamp({ story: STORY });
    assert.match(stamp.dataHash, /^[0-9a-f]{64}$/);
    for (const what of ['articles', 'facts'] as const) {
      const rows = records((await fx.server.get(`/export/${what}.csv?story=${STORY}`)).text);
      assert.ok(rows.every((r) => r.data_hash === stamp.dataHash));
      assert.ok(rows.every((r) => stamp.runs.some((run) => String(run.id) === r.run_id)));
    }
    // Narrower scope, other hash.
    const cnn = records((await fx.server.get('/export/articles.csv?outlet=cnn')).text);
    assert.equal(cnn.length, 1);
    assert.notEqual(cnn[0]!.data_hash, stamp.dataHash);
  });

  test('filters narrow the rows as the page they come from is narrowed', async () => {
    const cnn = records(
      (await fx.server.get(`/export/segments.csv?story=${STORY}&outlet=cnn`)).text,
    );
    assert.ok(cnn.length > 0 && cnn.every((r) => r.outlet_slug === 'cnn'));
    const one = records((await fx.server.get('/export/segments.csv?article=2')).text);
    assert.ok(one.length > 0 && one.every((r) => r.article_id === '2'));
    const facts = records(
      (await fx.server.get(`/export/facts.csv?story=${STORY}&outlet=cnn`)).text,
    );
    const numbers = new Set(facts.map((r) => r.fact_number));
    for (const n of numbers) {
      assert.ok(
        facts.some((r) => r.fact_number === n && r.outlet_slug === 'cnn'),
        n,
      );
    }
  });

  test('the same data gives byte-identical CSV', async () => {
    for (const what of EXPORTS) {
      const first = await fx.server.get(`/export/${what}.csv`);
      const second = await fx.server.get(`/export/${what}.csv`);
      assert.equal(first.text, second.text, what);
      const direct = await csvText(async (out) =>
        writeCsv(what, await exportRows(fx.temp.store, what, {}), out),
      );
      assert.equal(direct, first.text, what);
    }
  });

  test('refusals: unknown export, story, outlet or article 404; malformed filters 400', async () => {
    const cases: [string, number, RegExp][] = [
      ['/export/nope.csv', 404, /No export “nope”/],
      ['/export/segments.csv?story=nope', 404, /No story “nope”/],
      ['/export/segments.csv?outlet=nope', 404, /No outlet “nope”/],
      ['/export/segments.csv?article=999999', 404, /No article with id “999999”/],
      ['/export/segments.csv?article=abc', 400, /Bad “article”/],
      ['/export/segments.csv?colour=red', 400, /Bad “colour”/],
      ['/export/segments.csv?part=lead', 400, /summary, summary_parties and terms exports only/],
      ['/export/summary_parties.csv?article=1', 400, /does not apply/],
      ['/export/summary.csv?part=middle', 400, /Bad “part”/],
      ['/export/summary.csv?article=1', 400, /does not apply/],
    ];
    for (const [path, status, message] of cases) {
      const page = await fx.server.get(path);
      assert.equal(page.status, status, path);
      assert.match(page.text, message, path);
    }
  });

  test('the story, facts and article pages link their downloads', async () => {
    const story = (await fx.server.get(`/stories/${STORY}?part=lead`)).text
      .replace(/&#x3D;/g, '=')
      .replace(/&amp;/g, '&');
    assert.ok(story.includes(`href="/export/summary.csv?story=${STORY}&part=lead"`));
    assert.ok(story.includes(`href="/export/segments.csv?story=${STORY}"`));
    // Handlebars escapes "=" and "&" in attributes; read the links as a browser would.
    const facts = (await fx.server.get(`/stories/${STORY}/facts?outlet=cnn`)).text
      .replace(/&#x3D;/g, '=')
      .replace(/&amp;/g, '&');
    assert.ok(facts.includes(`/export/facts.csv?story=${STORY}&outlet=cnn`));
    const article = (await fx.server.get('/articles/1')).text;
    assert.ok(article.includes('href="/export/segments.csv?article=1"'));
    assert.ok(article.includes('href="/api/articles/1"'));
  });
});

interface ApiStory {
  outlets: {
    outlet: string;
    voices: Record<string, { count: number; share: number }>;
    framing: {
      toward: {
        party: string;
        name: string;
        sentences: number;
        tone: { mean: number; interval: { low: number; high: number } | null } | null;
      }[];
      speechVerbs: { side: string; distancing: number; neutral: number }[];
    };
  }[];
}

describe('summary_parties follows the story’s codebook', () => {
  test('a story given the US–North Korea codebook has rows for us_gov and nk_gov', async () => {
    const temp = await corpusStore();
    try {
      await temp.store.setStoryCodebook(STORY, 'us-north-korea');
      await reanalyzeArticles(temp.store, createAnalyzer({ codebook: 'us-north-korea' }), {
        story: STORY,
      });
      const csv = await csvText(async (out) =>
        writeCsv(
          'summary_parties',
          await exportRows(temp.store, 'summary_parties', { story: STORY }),
          out,
        ),
      );
      const rows = records(csv);
      assert.equal(rows.length, 10);
      assert.ok(rows.every((r) => r.codebook === 'us-north-korea'));
      assert.deepEqual([...new Set(rows.map((r) => r.party))], ['us_gov', 'nk_gov']);
      assert.equal(rows.find((r) => r.party === 'nk_gov')!.party_name, 'North Korean government');
    } finally {
      await temp.cleanup();
    }
  });
});

describe('CSV formula injection', () => {
  test('text cells a spreadsheet would run get an apostrophe; negative numbers stay numbers', async () => {
    const temp = tempStore();
    try {
      const title = '=HYPERLINK("http://example.com/x","Click for the full story")';
      await ingestRecords(
        [
          {
            title,
            outlet: '@Wire',
            story: 'Formula test',
            url: null,
            date: '2023-06-18',
            author: '+Staff',
            text: `${title}\n\nTensions rose and the talks collapsed in bitter acrimony. -Officials said the crisis deepened.\n`,
            source: 'test',
          },
        ],
        temp.store,
        createAnalyzer(),
      );
      const server = await serve(temp.store);
      try {
        const articles = await server.get('/export/articles.csv');
        assert.ok(articles.text.includes(`"'=HYPERLINK(""http://example.com/x"",""Click`));
        const row = records(articles.text)[0]!;
        assert.equal(row.title, `'${title}`);
        assert.equal(row.outlet_name, "'@Wire");
        assert.equal(row.author, "'+Staff");
        const segments = records((await server.get('/export/segments.csv')).text);
        assert.equal(segments[0]!.text, `'${title}`);
        const negative = segments.filter((s) => (s.tone_combined ?? '').startsWith('-'));
        assert.ok(negative.length > 0, 'a negative tone');
        assert.ok(negative.every((s) => Number.isFinite(Number(s.tone_combined))));
        assert.ok(segments.every((s) => !(s.tone_combined ?? '').startsWith("'")));
      } finally {
        await server.close();
      }
    } finally {
      await temp.cleanup();
    }
  });
});
