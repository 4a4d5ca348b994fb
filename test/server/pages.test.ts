import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { serverFixture } from '../helpers.js';

describe('pages over the bundled corpus', () => {
  const fx = serverFixture();

  test('the home page lists the story with its five outlets', async () => {
    const page = await fx.server.get('/');
    assert.equal(page.status, 200);
    assert.match(page.type ?? '', /text\/html/);
    assert.match(page.text, /Blinken in Beijing, June 2023/);
    for (const outlet of ['The Daily Beast', 'ChinaFile', 'CNN', 'The New York Times']) {
      assert.ok(page.text.includes(outlet), outlet);
    }
    assert.match(page.text, /href="\/stories\/blinken-in-beijing-june-2023"/);
  });

  test('the story page has one column per outlet with headline, words and sentences', async () => {
    const page = await fx.server.get('/stories/blinken-in-beijing-june-2023');
    assert.equal(page.status, 200);
    assert.equal(page.text.match(/<article class="outlet-column" id="outlet-/g)?.length, 5);
    assert.ok(
      page.text.includes(
        'In China, Blinken Faces Clashing Agendas and a Question: Will Xi Show Up?',
      ),
    );
    assert.match(page.text, /<dt>Words<\/dt><dd>[1-9][\d,]*<\/dd>/);
    assert.match(page.text, /<dt>Sentences<\/dt><dd>[1-9][\d,]*<\/dd>/);
  });

  test('the dashboard compares the outlets with numbers that link to their sentences', async () => {
    const page = await fx.server.get('/stories/blinken-in-beijing-june-2023');
    // Handlebars escapes "=" and "&" in attributes; read the links as a browser would.
    const html = page.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    // The figures table: the rows before the framing panel's own table.
    const figures = html.slice(0, html.indexOf('aria-labelledby="framing-h"'));
    const rows = figures.match(/<tr>\s*<th scope="row">[\s\S]*?<\/tr>/g) ?? [];
    assert.equal(rows.length, 5);
    for (const row of rows) {
      // Mean tone, the expectation rates and the shares each link to a filtered sentence list.
      const links =
        row.match(/href="\/search\?story=blinken-in-beijing-june-2023&outlet=[a-z-]+/g) ?? [];
      assert.ok(links.length >= 12, row);
      assert.match(row, /\[[−+]?\d\.\d\d to [−+]?\d\.\d\d\]/);
    }
    // Server-built SVG charts whose marks link to sentences, with text alternatives.
    assert.ok((page.text.match(/<svg /g)?.length ?? 0) >= 4);
    assert.match(page.text, /<a xlink:href="\/articles\/\d+#s\d+"/);
    assert.match(page.text, /role="img" aria-label="Sentence tone per outlet/);
  });

  test('the lead tab counts only headlines and first paragraphs; a bad part is a 400', async () => {
    const all = JSON.parse(
      (await fx.server.get('/stories/blinken-in-beijing-june-2023.json')).text,
    );
    const lead = JSON.parse(
      (await fx.server.get('/stories/blinken-in-beijing-june-2023.json?part=lead')).text,
    );
    const body = JSON.parse(
      (await fx.server.get('/stories/blinken-in-beijing-june-2023.json?part=body')).text,
    );
    assert.equal(lead.part, 'lead');
    for (const [i, outlet] of all.outlets.entries()) {
      const n = (x: { sentences: { text: string } }) => Number(x.sentences.text);
      assert.equal(n(lead.outlets[i]) + n(body.outlets[i]), n(outlet), outlet.name);
      assert.ok(n(lead.outlets[i]) >= 1 && n(lead.outlets[i]) <= 6, outlet.name);
    }
    const bad = await fx.server.get('/stories/blinken-in-beijing-june-2023?part=middle');
    assert.equal(bad.status, 400);
  });

  test('each chart offers its Vega-Lite spec, with the data, for download', async () => {
    const spec = await fx.server.get('/stories/blinken-in-beijing-june-2023/charts/tone.vl.json');
    assert.equal(spec.status, 200);
    assert.match(spec.type ?? '', /application\/json/);
    const parsed = JSON.parse(spec.text);
    assert.match(parsed.$schema, /vega-lite/);
    assert.ok(parsed.layer[0].data.values.length > 200, 'one point per sentence');
    for (const name of ['pie', 'constructor', '__proto__']) {
      const missing = await fx.server.get(
        `/stories/blinken-in-beijing-june-2023/charts/${name}.vl.json`,
      );
      assert.equal(missing.status, 404, name);
    }
  });

  test('the article page shows every segment with its kind, paragraphs kept', async () => {
    const stories = await fx.temp.store.listArticles('blinken-in-beijing-june-2023');
    const blog = stories.find((a) => a.outlet.name.includes('blog'));
    assert.ok(blog);
    const page = await fx.server.get(`/articles/${blog.id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /data-kind="headline"/);
    assert.match(
      page.text,
      /data-kind="byline"[^>]*><span class="kind-tag">Byline<\/span>Written by Dr. Florence Akano/,
    );
    assert.match(
      page.text,
      /data-kind="boilerplate"[^>]*><span class="kind-tag">Page furniture<\/span>Leave a Comment/,
    );
    const paragraphs = page.text.match(/class="paragraph /g)?.length ?? 0;
    assert.ok(paragraphs > 20, `${paragraphs} paragraphs`);
  });

  test('counts read as English: one story, one article, no "(s)"', async () => {
    const home = await fx.server.get('/');
    assert.match(home.text, /1 story\./);
    const story = await fx.server.get('/stories/blinken-in-beijing-june-2023');
    assert.match(story.text, /5 outlets · 5 articles · [\d,]+ sentences · 6,632 words/);
    assert.match(story.text, /1 article · 735 words/);
    assert.doesNotMatch(story.text + home.text, /\(s\)|\b1 (stories|articles|sentences)\b/);
  });

  test('an inferred outlet name says so in words, not only in a tooltip', async () => {
    const story = await fx.server.get('/stories/blinken-in-beijing-june-2023');
    const cnn = /<article class="outlet-column" id="outlet-cnn">[\s\S]*?<\/h3>/.exec(story.text);
    assert.match(cnn?.[0] ?? '', /inferred<\/span> <span class="inferred-note">name not stated/);
  });

  test('/favicon.ico is an icon', async () => {
    const response = await fetch(`${fx.server.base}/favicon.ico`);
    assert.equal(response.status, 200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // An ICO file starts with reserved 0, type 1 (icon).
    assert.deepEqual([...bytes.slice(0, 4)], [0, 0, 1, 0]);
  });

  test('unknown stories and articles get a 404 page, not an error', async () => {
    for (const path of [
      '/stories/no-such-story',
      '/articles/999999',
      '/articles/abc',
      '/nowhere',
    ]) {
      const page = await fx.server.get(path);
      assert.equal(page.status, 404, path);
      assert.match(page.text, /Not found/);
    }
  });

  test('the outlet profile writes intervals as the story page does and keeps each pair on a line', async () => {
    const html = (await fx.server.get('/outlets/cnn')).text;
    const byStory = html.slice(html.indexOf('aria-labelledby="stories-h"'));
    assert.match(
      byStory,
      /\[[−+]?\d\.\d\d to [−+]?\d\.\d\d\] \/ \[[−+]?\d\.\d\d to [−+]?\d\.\d\d\]/,
    );
    assert.doesNotMatch(byStory, /\[[−+]?\d\.\d\d, [−+]?\d\.\d\d\]/);
    assert.match(byStory, /<span class="pair"><a href="[^"]+">[^<]+<\/a> \/ [^<]+<\/span>/);
  });

  test('the lead tab makes no claim on a few dozen words and says when an interval is impossible', async () => {
    const page = await fx.server.get('/stories/blinken-in-beijing-june-2023?part=lead');
    const html = page.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    // The minimum is stated above the summary lines, and no outlet's lead reaches it.
    assert.match(html, /A phrase below rests on at least 300 words and 10 sentences/);
    assert.doesNotMatch(html, /hedges most|lowers expectations most|most (positive|negative) tone/);
    assert.match(
      html,
      /<strong>The Daily Beast<\/strong>: too little text to compare \(54 words, 2 sentences/,
    );
    // CNN's lead is one sentence and The Daily Beast's two: no interval, a reason instead.
    const cnn = /<th scope="row">CNN[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    assert.match(cnn, /no interval below 10 sentences/);
    assert.doesNotMatch(cnn, /\[[−+]?0\.00 to [−+]?0\.00\]/);
    const beast = /<th scope="row">The Daily Beast[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    assert.match(beast, /n 2[\s\S]*no interval below 10 sentences/);
    assert.doesNotMatch(beast, /\[[−+]?\d\.\d\d to [−+]?\d\.\d\d\]/);
    // Every rate and interval has its n beside it, in the figures table and the framing one.
    const framing = html.indexOf('aria-labelledby="framing-h"');
    const rows = (part: string) => part.match(/<tr>\s*<th scope="row">[\s\S]*?<\/tr>/g) ?? [];
    for (const row of rows(html.slice(0, framing)))
      assert.ok((row.match(/<span class="n">(n \d+|\d+ of \d+)/g)?.length ?? 0) >= 8, row);
    for (const row of rows(html.slice(framing))) {
      const cells = row.match(/<td class="num">[\s\S]*?<\/td>/g) ?? [];
      assert.equal(cells.length, 3, row);
      for (const cell of cells)
        assert.match(cell, /^<td class="num">–<\/td>$|<span class="n">n \d+/);
    }
    assert.doesNotMatch(html, /most (negative|positive) toward/);
  });

  test('tone by voice links to its sentences with an interval and n', async () => {
    const page = await fx.server.get('/stories/blinken-in-beijing-june-2023');
    const html = page.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    const nyt = /<th scope="row">The New York Times[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    const own = /<span class="voice-tone">own ([\s\S]*?)<\/span><span class="voice-tone">/.exec(
      nyt,
    )?.[1];
    assert.ok(own, nyt);
    assert.match(
      own,
      /href="\/search\?story=blinken-in-beijing-june-2023&outlet=the-new-york-times&voice=narrator"/,
    );
    assert.match(
      own,
      /<span class="n">n \d+<\/span><span class="sub ci" title="[^"]+">\[[−+]?\d\.\d\d to [−+]?\d\.\d\d\]/,
    );
    assert.match(nyt, /voice=quoted"/);
  });

  test('charts: heatmap colour and numbers are one rate from 0; expectation bars in the table colours', async () => {
    const base = '/stories/blinken-in-beijing-june-2023/charts';
    const issues = JSON.parse((await fx.server.get(`${base}/issues.vl.json`)).text);
    const [rect, text] = issues.layer;
    assert.equal(rect.encoding.color.field, 'per1000');
    assert.equal(text.encoding.text.field, 'per1000');
    assert.equal(rect.encoding.color.scale.domainMin, 0);
    assert.equal(rect.encoding.color.legend.values[0], 0);
    // Issue names are wrapped, not cut: no label limit.
    assert.equal(issues.encoding?.x?.axis?.labelLimit ?? rect.encoding.x.axis.labelLimit, 0);
    const page = await fx.server.get('/stories/blinken-in-beijing-june-2023');
    const svg =
      /aria-label="Sentences naming each issue[\s\S]*?<\/figure>/.exec(page.text)?.[0] ?? '';
    assert.match(svg, />0\.0<\/text>/, 'the legend starts at 0');
    assert.match(svg, />Export controls<\/tspan>|>Export controls<\/text>|Export controls/);
    assert.doesNotMatch(svg, /…/);

    const expectation = JSON.parse((await fx.server.get(`${base}/expectation.vl.json`)).text);
    assert.deepEqual(expectation.spec.encoding.color.scale.range, [
      '#d55e00',
      '#0072b2',
      '#cc79a7',
    ]);

    const tone = JSON.parse((await fx.server.get(`${base}/tone.vl.json`)).text);
    const [low, high] = tone.layer[0].encoding.x.scale.domain;
    assert.ok(low < -5 && high > 5, 'ticks clamped at ±5 stand clear of the axis');
  });

  test('an outlet without scored sentences shows dashes, not 100% quoted or a tone claim', async () => {
    const analyzer = createAnalyzer();
    const run = await fx.temp.store.startRun(analyzer.info);
    const texts = {
      Furniture: 'By John Smith\nADVERTISEMENT\nLeave a Comment',
      Wire: 'Blinken met Qin Gang in Beijing on Sunday. The talks were constructive, officials said.',
    };
    await fx.temp.store.addArticles(
      Object.entries(texts).map(([outlet, text]) => ({
        story: { title: 'Odd story' },
        outlet: { name: outlet },
        title: null,
        url: null,
        author: null,
        publishedDate: null,
        text,
        source: `${outlet}.txt`,
        analysis: analyzer.analyze(text),
      })),
      run.id,
    );
    const page = await fx.server.get('/stories/odd-story');
    assert.equal(page.status, 200);
    const row = /<th scope="row">Furniture[\s\S]*?<\/tr>/.exec(page.text)?.[0] ?? '';
    assert.match(row, /1 article ·/);
    assert.doesNotMatch(row, /100%/);
    assert.doesNotMatch(page.text, /most (positive|negative) tone/);
  });

  test('text from the data is escaped on every page', async () => {
    const analyzer = createAnalyzer();
    const text = 'A <script>alert(1)</script> payload in the body. It must stay text.';
    const run = await fx.temp.store.startRun(analyzer.info);
    const [result] = await fx.temp.store.addArticles(
      [
        {
          story: { title: '<img src=x onerror=alert(1)>' },
          outlet: { name: '<b>Evil</b> Outlet' },
          title: '"><script>alert(2)</script>',
          url: 'javascript:alert(3)',
          author: null,
          publishedDate: null,
          text,
          source: 'xss.txt',
          analysis: analyzer.analyze(text),
        },
      ],
      run.id,
    );
    assert.equal(result?.status, 'added');
    const id = result?.status === 'added' ? result.articleId : 0;
    const pages = [await fx.server.get('/'), await fx.server.get(`/articles/${id}`)];
    const story = (await fx.temp.store.listStories()).find((s) => s.title.includes('onerror'));
    assert.ok(story);
    pages.push(await fx.server.get(`/stories/${story.slug}`));
    for (const page of pages) {
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.text, /<script>alert/);
      assert.doesNotMatch(page.text, /<img src=x/);
      assert.doesNotMatch(page.text, /<b>Evil/);
      assert.doesNotMatch(page.text, /href="javascript:/);
    }
  });
});
