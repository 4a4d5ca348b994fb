import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLinkCards, maskLinkCards } from '../../../analysis/segmentation/link-cards.js';

// Fixtures are written in the shape of The Hill's hover cards (the name as written, the full
// legal name glued to three headlines, " MORE"), with invented names and headlines.

const cardOf = (text: string): string[] =>
  findLinkCards(text).map((c) => text.slice(c.start, c.end));

test('a glued card is found from the full legal name to "MORE"; the name as written stays', () => {
  const text =
    "Sen. Jane Doe Janet (Jane) Q. DoeWhat's next? Budget talks stall: 'A hard week' Doe backs farm bill MORE (D-Ore.) said the vote would wait.";
  assert.deepEqual(cardOf(text), [
    "Janet (Jane) Q. DoeWhat's next? Budget talks stall: 'A hard week' Doe backs farm bill MORE",
  ]);
  const masked = maskLinkCards(text);
  assert.equal(masked.length, text.length);
  assert.match(masked, /^Sen\. Jane Doe {2,}\(D-Ore\.\) said the vote would wait\.$/);
});

test('a card joined by a space, or glued to the name as written, is found too', () => {
  assert.deepEqual(
    cardOf(
      'Speaker Tom Roe Thomas Lee Roe Farm bill clears panel Senate adjourns MORE (R-Ohio) spoke.',
    ),
    ['Thomas Lee Roe Farm bill clears panel Senate adjourns MORE'],
  );
  assert.deepEqual(cardOf('and Ann BellAnn BellCourt hears case MORE agreed.'), [
    'Ann BellCourt hears case MORE',
  ]);
  // The written given name and surname do not pass for a surname and a full name.
  assert.deepEqual(cardOf('Lawyer Alan Roe Alan Peter RoeRoe fires back MORE said.'), [
    'Alan Peter RoeRoe fires back MORE',
  ]);
  // A particle: the card starts at the full name, not after the written given name.
  assert.deepEqual(cardOf('Mayor Ann de Vries Ann de VriesCity sues state MORE said.'), [
    'Ann de VriesCity sues state MORE',
  ]);
  // A glued card whose headline repeats the name is taken whole.
  assert.deepEqual(cardOf('Justice Ann Lee Ann LeeWishing Ann Lee a speedy recovery MORE wrote.'), [
    'Ann LeeWishing Ann Lee a speedy recovery MORE',
  ]);
  // "Jr." after the name as written stays with it.
  assert.deepEqual(cardOf('Rep. Sam Fenn Jr. Samuel Ray FennFenn retires MORE (D-Pa.) spoke.'), [
    'Samuel Ray FennFenn retires MORE',
  ]);
});

test('no repeated surname, a capitals line or "MORE" on another line: no card, no change', () => {
  for (const text of [
    'MORMON MONEY, NO MORE',
    'President Jane Doe said there would be MORE talks.',
    'Jane Doe Janet Doe\nBudget talks stall MORE',
    'Jane Doe Janet Doeson backs the plan MORE or less.',
    'It was a long day.',
  ]) {
    assert.deepEqual(findLinkCards(text), []);
    assert.equal(maskLinkCards(text), text);
  }
});

test('a long run of letters is read at once, with no card (the name patterns are bounded)', () => {
  // 8,000 characters of this took 107 s before the bound (review16); now it is immediate.
  assert.deepEqual(findLinkCards('Read MORE. ' + 'Ab'.repeat(4_000)), []);
  assert.deepEqual(findLinkCards('Read MORE. ' + 'HomeNewsPoliticsWorld'.repeat(400)), []);
});
