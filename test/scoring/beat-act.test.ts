import { describe, expect, test } from 'vitest';
import { compileRubric, scoreText } from '../../src/scoring/index.js';
import type { RubricSpec } from '../../src/rubric/types.js';

// A beat is earned by the act, not by its topic: the candidate's or their team's act, done or
// meant in a design answer. The same topic with the act skipped, only wished for, or planned and
// then dropped earns nothing. A beat whose own pattern spells a negation ("never skipped the
// review", "no orders were lost") or owning up ("my mistake") is earned by exactly that.
const spec: RubricSpec = {
  version: 1,
  scoring: { hypotheticalCredit: 0.5, levelThresholds: [10, 30, 50, 70], redFlagLevelCap: 1 },
  concepts: {},
  storyBeats: [],
  signals: [
    {
      id: 'capacity-planning',
      name: 'Capacity planning',
      description: 'd',
      prompts: ['Tell me about a launch you sized.'],
      beats: [
        { id: 'model', label: 'Built a model', weight: 3, patterns: ['capacity model', 'forecast* the|our traffic'], probe: 'p', tip: 't' },
        { id: 'soak', label: 'Soak tested', weight: 3, patterns: ['soak test*'], probe: 'p', tip: 't' },
        { id: 'no-loss', label: 'Nothing lost', weight: 2, patterns: [{ match: 'orders|messages were lost|dropped', negated: true }], probe: 'p', tip: 't' },
        { id: 'kept-review', label: 'Kept the review', weight: 2, patterns: ['did-not|never skip* the review|dry-run'], probe: 'p', tip: 't' },
        { id: 'own-part', label: 'Owned their part', weight: 2, patterns: ['my mistake|oversight'], probe: 'p', tip: 't' },
        { id: 'filed', label: 'Filed the follow-up', weight: 2, patterns: ['filed|wrote|opened a|the ticket'], probe: 'p', tip: 't' },
      ],
      redFlags: [],
    },
  ],
};
const rubric = compileRubric(spec);
const beat = (text: string, id: string) => scoreText(text, rubric).signals[0]!.beats.find((b) => b.id === id)!;
/** One test per row: [sentence, beat, earned]. */
function expectEarned(rows: [string, string, boolean][]): void {
  test.each(rows)('%s (%s: %s)', (text, id, earned) => {
    expect(beat(text, id).hit).toBe(earned);
  });
}

describe('a beat needs the act', () => {
  // [sentence, beat, earned]
  const rows: [string, string, boolean][] = [
    // the act, done or meant
    ['I built a capacity model for the checkout service before the sale.', 'model', true],
    ['We ran a soak test over the weekend and it held at twice the forecast.', 'soak', true],
    ["For a new service I'd start with a capacity model from the expected peak.", 'model', true],
    ['My plan would be a soak test of a few hours at the expected peak.', 'soak', true],
    // a practice stated with a generic "you", or as a habit under a condition
    ['You always run a soak test before a sale, however small the change.', 'soak', true],
    ['If a release ever touches checkout, we run a soak test first.', 'soak', true],
    // skipped
    ['We never got round to the soak test before the sale started.', 'soak', false],
    ["We didn't build a capacity model for the checkout service.", 'model', false],
    ['Nobody on the team bothered with a capacity model that quarter.', 'model', false],
    ['I skipped the soak test because the build was late.', 'soak', false],
    ['Nobody had run a soak test on the new cluster before the sale.', 'soak', false],
    ['I found out that nobody had ever built a capacity model for checkout.', 'model', false],
    ['When I joined, none of us had run a soak test on it.', 'soak', false],
    // a negated omission is the act done
    ['We never skip the soak test, however late the build is.', 'soak', true],
    ["I didn't even skip the soak test when the date slipped.", 'soak', true],
    ['We never skipped the soak test, and we never built a capacity model.', 'model', false],
    // near misses: nobody else did it, and the candidate did
    ['Nobody else was around, so I ran a soak test on the new cluster myself.', 'soak', true],
    ['Nobody else was around and I ran a soak test on the new cluster.', 'soak', true],
    ['We set a rule that nobody ships to checkout until a soak test has passed.', 'soak', true],
    // wished for
    ['Looking back, I wish I had built a capacity model first.', 'model', false],
    ["I would have liked to run a soak test, but there was no time.", 'soak', false],
    // planned, then dropped
    ['I wanted to forecast the traffic for the sale, but the ticket slipped twice and we shipped without it.', 'model', false],
    ['We had agreed to do a soak test before launch, but in the end nobody did it.', 'soak', false],
    ['I put a soak test on the plan for the launch, but we ran out of time.', 'soak', false],
    // a plan carried out is still the act
    ['I planned a soak test for the Friday and we ran it that night.', 'soak', true],
    ['I proposed a capacity model and built it with the data team over two weeks.', 'model', true],
    // a contrast that does not take the act back
    ['We ran a soak test, but it did not find the leak we were after.', 'soak', true],
  ];
  expectEarned(rows);
});

describe('a plan told as a work item, then left undone, earns nothing', () => {
  // [sentence, beat, earned]
  const rows: [string, string, boolean][] = [
    // the work item's fate after "but"
    ['I had a ticket to forecast the traffic for the sale, but it sat in the backlog.', 'model', false],
    ['I had a Jira ticket to forecast the traffic, but it sat in the backlog until after launch.', 'model', false],
    ['We had a story on the board for a soak test, but it never got done.', 'soak', false],
    ['I had a ticket to forecast the traffic, but we did not get to it before the sale.', 'model', false],
    // in a relative clause on it
    ['There was a ticket to forecast the traffic for the sale that never got picked up.', 'model', false],
    ['There was a ticket for the capacity model, which sat in the backlog for a year.', 'model', false],
    ['The soak test was a task on our board that nobody picked up.', 'soak', false],
    // in the next clause or sentence, opening on it
    ['We had an action item to run a soak test before launch. It never got picked up.', 'soak', false],
    ['We had a ticket for a capacity model; it slipped to the next quarter.', 'model', false],
    ['There was a card for a soak test on the board. The card gathered dust until the outage.', 'soak', false],
    // near misses: the work item carried out, or its clause telling something else
    ['There was a ticket to forecast the traffic for the sale, and I picked it up that week.', 'model', true],
    ['We had a story on the board for a soak test, and we ran it on the Friday.', 'soak', true],
    ['We had a ticket to forecast the traffic that the marketing team had sent us.', 'model', true],
    ['I had a ticket for a capacity model. It took two days and the numbers held.', 'model', true],
    ['I forecast the traffic for the sale, which never got above two thousand requests a second.', 'model', true],
    ['I had a ticket to forecast the traffic for the sale. It never got above what we forecast.', 'model', true],
    ['I found a ticket to forecast the traffic that nobody had picked up, so I did it myself that week.', 'model', true],
    ['I had a ticket to forecast the traffic, but it sat in the backlog, so in the end I did it myself.', 'model', true],
    ['I had a ticket to forecast the traffic, but it sat in the backlog until we did the migration.', 'model', false],
    // the work item is itself what the beat reads: filing it is the act, whatever befell it
    ['I filed a ticket for the flaky alert, but it sat in the backlog for two months.', 'filed', true],
    ['I wrote the ticket for the fix myself. It sat for a quarter before anyone picked it up.', 'filed', true],
  ];
  expectEarned(rows);
});

describe("someone else's act, the candidate outside it", () => {
  // [sentence, beat, earned]
  const rows: [string, string, boolean][] = [
    // a person by role or name is the subject of the act
    ['During the sale my lead ran a soak test while I watched the queue.', 'soak', false],
    ['Our architect, Wen, built the capacity model for the launch; I read the numbers afterwards.', 'model', false],
    ['The QA team ran a soak test on the checkout flow last spring.', 'soak', false],
    ['She ran a soak test on the new cluster over the weekend.', 'soak', false],
    ['We had a lot to do; Olu built a capacity model for the sale and shared a sheet.', 'model', false],
    // a "who" said of someone else
    ['It was my teammate Ana who built the capacity model for the launch.', 'model', false],
    ['Our director was the one who forecast the traffic that year.', 'model', false],
    // the candidate's own clause is nearer the act, or the match holds it
    ['I asked my lead to sign off, then I ran a soak test at twice the peak.', 'soak', true],
    ['My lead and I ran a soak test over the weekend.', 'soak', true],
    ['I was the one who forecast the traffic for the sale.', 'model', true],
    ['My manager wanted a date, and I built a capacity model to give her one.', 'model', true],
    // someone's act told as the time of the candidate's own, later in the sentence
    ['When my lead ran a soak test last year, I read every graph it made and fixed the pool.', 'soak', true],
    // the candidate's own team
    ['Our team ran a soak test at twice the forecast.', 'soak', true],
    ['The whole team ran a soak test at twice the forecast.', 'soak', true],
    ['The infra team ran a soak test on the new brokers; I only read the summary.', 'soak', false],
  ];
  expectEarned(rows);
});

describe('a plan that came to nothing, told in other words', () => {
  const rows: [string, string, boolean][] = [
    // the thing planned, named first, then "I never ..." with nothing after the verb
    ['I planned to run a soak test before launch. The soak test I never scheduled, and the date came.', 'soak', false],
    ['I planned a soak test for the Friday, but the test slot I never booked, so it went out untested.', 'soak', false],
    ['I wanted to forecast the traffic first, but never did.', 'model', false],
    ['I wanted to forecast the traffic before the sale. The launch came and the forecast never happened.', 'model', false],
    ['My plan was a capacity model for every service, but it slid each sprint.', 'model', false],
    ['I had sketched a capacity model for the cluster, but it stayed a proposal in the doc.', 'model', false],
    // a plan overtaken, in the sentence or the next, however it was first told
    ['My intention was a capacity model for the relaunch, but the quarter ended before I could finish it.', 'model', false],
    ['A soak test of the new cluster was on my list for the Friday. We launched before that ever happened.', 'soak', false],
    ['A capacity model for each region was the plan, and I set up the sheet. It stayed empty.', 'model', false],
    // a plan carried out, or a negation of something else
    ['I planned to run a soak test before launch, and I ran it the week after.', 'soak', true],
    ['I planned a soak test for the Friday. It held at twice the peak and we never saw errors.', 'soak', true],
    ['The soak test we never skipped, not once in two years.', 'soak', true],
    ['A soak test was the plan, and I ran it on the Friday before the numbers dropped.', 'soak', true],
    ['I planned a soak test for the Friday and ran it; it caught the leak before it ever hit customers.', 'soak', true],
  ];
  expectEarned(rows);
});

describe('a beat whose own pattern carries the negation or the regret', () => {
  const rows: [string, string, boolean][] = [
    // the negation is the act
    ['During the cut-over no orders were lost.', 'no-loss', true],
    ['We did not skip the review even with the date slipping.', 'kept-review', true],
    ['I never skipped the dry run, not even for a one-line change.', 'kept-review', true],
    // owning up is the act, wished or regretted
    ['That was my mistake: I pushed the config without a second review.', 'own-part', true],
    ['I wish I had owned up to my mistake in the first meeting.', 'own-part', true],
    ['Looking back, I should have named my oversight in the write-up.', 'own-part', true],
  ];
  expectEarned(rows);
});

describe('an act told in the passive is the candidate\'s only when no one else is its agent', () => {
  // [sentence, beat, earned]
  const rows: [string, string, boolean][] = [
    // someone else named after "by"
    ['The capacity model for the sale was built by my tech lead over a weekend.', 'model', false],
    ['The soak test was later run by a colleague on the platform team.', 'soak', false],
    ['The soak test for the new cluster got picked up by him; I only read the results.', 'soak', false],
    ['The capacity model was reworked by a data analyst using last year\'s traffic.', 'model', false],
    ['The question of traffic was settled by our SRE manager with a capacity model of her own.', 'model', false],
    // the candidate or their team as the agent, or no person at all
    ['The capacity model for the sale was built by me over a weekend.', 'model', true],
    ['The capacity model for the sale was prepared by the SRE team over a weekend.', 'model', false],
    ['The soak test was run by the data platform group on the Friday night.', 'soak', false],
    ['The soak test was run by our team on the Friday night.', 'soak', true],
    ['The soak test was run by the team on the Friday night.', 'soak', true],
    ['The soak test was run by the whole team on the Friday night.', 'soak', true],
    ['The soak test was run by hand on the Friday night, and it held.', 'soak', true],
    ['I built a capacity model after the budget was eaten by the partner outage.', 'model', true],
    ['I ran the soak test by the end of the week.', 'soak', true],
    // approval does not make it someone else's act
    ['My capacity model was approved by the director before the sale.', 'model', true],
    // a passive in an earlier clause, with the candidate's own clause after it
    ['After the outage was caused by a contractor, I built a capacity model for the sale.', 'model', true],
  ];
  expectEarned(rows);
});

describe('an act told in a cleft is the candidate\'s only when they are its focus', () => {
  // [sentence, beat, earned]
  const rows: [string, string, boolean][] = [
    ['My teammate was the one who built the capacity model for the sale.', 'model', false],
    ['It was my manager who ran a soak test on the new cluster; I read the summary.', 'soak', false],
    ['I was the one who built the capacity model for the sale.', 'model', true],
    ['It was me who ran a soak test on the new cluster.', 'soak', true],
    ['It was the cache that fell over, so I ran a soak test on the new cluster.', 'soak', true],
    ['It was my manager who asked, and I built the capacity model that week.', 'model', true],
  ];
  expectEarned(rows);
});

describe('someone else\'s act, with the candidate saying they stood outside it, is not theirs', () => {
  // [sentence, beat, earned]
  const rows: [string, string, boolean][] = [
    ['Our staff architect built a capacity model for the sale; I was not involved.', 'model', false],
    ['The data team ran a soak test on the new cluster, and I had nothing to do with it.', 'soak', false],
    ['A colleague from the payments team built the capacity model. I just implemented what it said.', 'model', false],
    ['My lead ran a soak test on the new cluster after the move. I had gone on to the next project by then.', 'soak', false],
    ['Our staff architect built a capacity model for the sale, and I followed along in the review.', 'model', false],
    // a team named by what it does is someone else, with or without a word of standing apart
    ['The data team ran a soak test on the new cluster, so I tuned the pool the next day.', 'soak', false],
    // "our X team" is someone else when the candidate sets their own part apart, in any words
    ['Our platform team built a capacity model for the sale; I never looked at it myself.', 'model', false],
    ['Our data team ran a soak test on the new cluster. I didn\'t work on any of it.', 'soak', false],
    ['Our platform team ran a soak test on the new cluster. I just read the summary.', 'soak', false],
    // ... not when what the candidate did not do is another act
    ['Our platform team pushed back on the date, so I ran a soak test on the new cluster; I didn\'t go over their heads.', 'soak', true],
    // with the candidate as a subject, it is theirs
    ['Our architect and I built a capacity model for the sale; nobody else was involved.', 'model', true],
    ['We ran a soak test on the new cluster; I was not involved in the launch itself.', 'soak', true],
  ];
  expectEarned(rows);
});

describe('a plan told formally, then left undone, earns nothing', () => {
  // [sentence, beat, earned]
  const rows: [string, string, boolean][] = [
    ['It had been my intention to build a capacity model for the sale, but the launch came early and it was never done.', 'model', false],
    ['A plan for a short but thorough soak test was drafted by me, but it was never run.', 'soak', false],
    // a "but" inside a noun phrase does not take back an act done
    ['I ran a short but thorough soak test on the new cluster, and it held.', 'soak', true],
    ['I built a rough but useful capacity model, but the sale traffic never came close to it.', 'model', true],
  ];
  expectEarned(rows);
});

describe('a negated passive with the candidate or anyone as its agent is not done', () => {
  // [sentence, beat, earned]
  const rows: [string, string, boolean][] = [
    ['A capacity model for the sale was never built by our team.', 'model', false],
    ['The soak test for the new cluster was not run by anyone before launch.', 'soak', false],
    ['A capacity model for the sale was never built by me; I trusted the vendor numbers.', 'model', false],
    // a negation with no agent, or one after the act, leaves it done
    ['I ran a soak test on the new cluster, and no orders were lost by the end.', 'soak', true],
    ['The soak test I ran was not long, but it found the leak.', 'soak', true],
  ];
  expectEarned(rows);
});
