import { describe, expect, it } from 'vitest';
import { ownsUp, pushedBackAt, stanceAt, tellsLesson, type Stance } from '../../src/language/index.js';

/** [sentence, the words the red flag matched, what follows the sentence, expected stance, negation is the act] */
const CASES: [string, string, string, Stance, boolean?][] = [
  ['I stayed up all night and fixed it alone.', 'fixed it alone', '', 'endorsed'],
  ["I deliberately didn't restart the fleet blind or try to hold it together alone.", 'hold it together alone', '', 'refused'],
  ['Neither the rollback nor a restart by myself would have been right.', 'a restart by myself', '', 'refused'],
  ['We argued against a hardening sprint for the whole quarter.', 'hardening sprint', '', 'refused'],
  ['I talked them out of a stability month.', 'stability month', '', 'refused'],
  ['The team wanted to skip the dry run.', 'skip the dry run', "I didn't let us skip it.", 'proposed-by-others'],
  ["My lead wanted to skip the reconciliation; I didn't let us.", 'skip the reconciliation', '', 'proposed-by-others'],
  ['My lead wanted to skip the reconciliation, and we did.', 'skip the reconciliation', '', 'endorsed'],
  ["My manager's idea was a reliability month in Q2.", 'reliability month', '', 'proposed-by-others'],
  ['The client had a plan with a performance phase in the last two weeks.', 'performance phase', '', 'proposed-by-others'],
  ['My plan was to fix it alone overnight.', 'fix it alone', '', 'endorsed'],
  ["His take was that we'd just test it at the end.", 'test it at the end', '', 'proposed-by-others'],
  ['Our director joined the call and said just turn the cap checks off.', 'turn the cap checks off', '', 'proposed-by-others'],
  ['Our lead was there and then I said we skip the dry run.', 'skip the dry run', '', 'endorsed'],
  ['My instinct was to restart the fleet, so that is what I did.', 'restart the fleet', '', 'endorsed'],
  ['Our lead said: "I will stay tonight and fix it myself, leave the others asleep."', 'fix it myself', '', 'proposed-by-others'],
  ['Our lead kind of suggested we just do a big stability push after the launch.', 'stability push', '', 'proposed-by-others'],
  ['My manager wanted a reliability month, and we did.', 'reliability month', '', 'endorsed'],
  ['Being treated as a ticket queue is how you end up with a platform that fits nobody.', 'ticket queue', '', 'argued-against'],
  ['A reliability sprint is a trap: it says the other sprints need not care.', 'reliability sprint', '', 'argued-against'],
  ['I had the instinct to dig in by myself, but I paged the secondary.', 'dig in by myself', '', 'argued-against'],
  ['I worked on it alone for an hour.', 'alone', 'Looking back, I should have asked for help sooner.', 'regretted'],
  // a phrase of arguing that runs into a match whose negation is the act is the act's own words
  ["I don't believe in burning the budget on experiments.", "don't believe in burning", '', 'endorsed', true],
  ["I don't believe in burning the budget on experiments.", 'burning the budget', '', 'refused'],
  ["I don't believe in never touching the budget.", 'never touching the budget', '', 'refused', true],
  // a practice disowned in so many words afterwards is looked back on
  ['We paged on every warning for a year.', 'paged on every warning', "I wouldn't do that again.", 'regretted'],
  ['I used to think dashboards were the platform team\'s problem.', 'platform team\'s problem', '', 'regretted'],
  ['Years ago I wrote the outage up as the vendor\'s fault.', 'the vendor\'s fault', '', 'regretted'],
  ['I made every failed export page the on-call.', 'every failed export page', 'Which is a bit embarrassing to tell.', 'regretted'],
  ['I wrote the outage up as the vendor\'s fault.', 'the vendor\'s fault', 'Now I insist every review starts with our own part.', 'regretted'],
  ['I used to run the rota myself, and the dashboards were the platform team\'s problem.', 'platform team\'s problem', '', 'endorsed'],
  ['I closed the stale follow-ups in bulk to make the chart look better.', 'closed the stale follow-ups', 'That was a waste, and I changed my approach.', 'regretted'],
  ['Our team had a habit of a cleanup sprint at the end of every quarter.', 'cleanup sprint', 'I stopped doing that on my own services.', 'refused'],
  ['We ran a cleanup sprint at the end of every quarter.', 'cleanup sprint', 'I stopped by the office later.', 'endorsed'],
  ['The billing job paged on every failed invoice.', 'paged on every failed invoice', 'I changed it to page on the failure rate instead.', 'refused'],
  ['The billing job paged on every failed invoice.', 'paged on every failed invoice', 'I changed teams a month later.', 'endorsed'],
  ['The billing job paged on every failed invoice, so I rewrote it around the failure rate.', 'paged on every failed invoice', '', 'refused'],
  ['The billing job paged on every failed invoice, so I rewrote the summary email.', 'paged on every failed invoice', '', 'endorsed'],
  // the reworking read after the match, never inside it
  ['The report was on the plan, but the deadline hit, so we dropped it.', 'deadline hit, so we dropped it', '', 'endorsed'],
  ["The part I'm not proud of is that I debugged it on my own for an hour.", 'on my own', '', 'regretted'],
  ['I kept the rollback to myself for forty minutes.', 'to myself', 'I waited too long to bring anyone in.', 'regretted'],
  ['We only load tested the week before launch and scrambled, so now I sketch the capacity model first.', 'the week before launch', '', 'regretted'],
  ['If we had waited until after the build to test, the database would have saturated.', 'after the build', '', 'imagined'],
  ['I could easily have kept digging on my own, but I paged the secondary.', 'on my own', '', 'imagined'],
  ['In hindsight, running the migration without a dry run was the wrong call.', 'without a dry run', '', 'regretted', true],
  ["I didn't wake anyone; I just fixed it myself.", "didn't wake anyone", '', 'endorsed', true],
  // an exclusion after the negated act undoes it: the act was always done, with the thing
  ['We never shipped a feature without a runbook.', 'never shipped', '', 'refused', true],
  ['I never paged anyone without checking the dashboards first.', 'never paged anyone', '', 'refused', true],
  ['I never paged anyone, without a second thought.', 'never paged anyone', '', 'endorsed', true],
  ['The job finished without errors, so we switched traffic over without a diff.', 'finished without errors', '', 'endorsed', true],
  // a failure to act told of something or someone else is not the candidate's
  ["I'd page the on-call through PagerDuty, because at 3am Slack won't wake anyone.", "won't wake anyone", '', 'someone-else', true],
  ['The alert never paged anyone, so I added one.', 'never paged anyone', '', 'someone-else', true],
  ["They didn't call anyone either.", "didn't call anyone", '', 'someone-else', true],
  ['I restarted it and never paged anyone.', 'never paged anyone', '', 'endorsed', true],
  ['I made sure not to wake anyone.', 'not to wake anyone', '', 'endorsed', true],
  ["The rule only works if you don't make exceptions.", "don't make exceptions", '', 'endorsed', true],
  ['We shipped it and the platform team dealt with the pages.', 'dealt with the pages', '', 'endorsed'],
  ["We didn't load test, and it fell over at launch.", 'fell over at launch', '', 'endorsed'],
  // a refusal in an earlier clause does not reach past "but"
  ["I didn't want to bother anyone, but then I handled the whole thing alone.", 'the whole thing alone', '', 'endorsed'],
  // someone else, named or by role, as the subject of the act
  ['The standby engineer had disabled the idempotency guard before my shift.', 'disabled the idempotency guard', '', 'someone-else'],
  ['My predecessor switched off the disk alarms.', 'switched off the disk alarms', '', 'someone-else'],
  ['Before I arrived, Marek deleted the stale partitions.', 'deleted the stale partitions', '', 'someone-else'],
  ['Our team disabled the idempotency guard.', 'disabled the idempotency guard', '', 'endorsed'],
  ['We upgraded the Postgres cluster over a weekend.', 'cluster over a weekend', '', 'endorsed'],
  ['They looked fine at first glance.', 'looked fine at first glance', '', 'endorsed'],
  // someone named proposed it, and the candidate said no
  ['Tomasz suggested we drain the whole region; I said no.', 'drain the whole region', '', 'proposed-by-others'],
  ['Finance wanted to delete the audit rows and I refused.', 'delete the audit rows', '', 'proposed-by-others'],
  // the candidate answers a proposal in a clause of their own
  ['My lead told me I was the hero of the night - I rewrote the index on my own.', 'rewrote the index on my own', '', 'endorsed'],
  ['My lead told me I was the hero of the night - I rewrote the index on my own.', 'I rewrote the index', '', 'endorsed'],
  // a proposal told in a clause of time, condition or reason ends at its comma: the main clause is the candidate's
  ['When the platform team told us to add more retries, I said we would fix the timeout instead.', 'add more retries', '', 'proposed-by-others'],
  ['When the platform team told us to add more retries, I said we would fix the timeout instead.', 'fix the timeout', '', 'endorsed'],
  ['When the platform team told us to add more retries, I said we would fix the timeout instead.', 'I said', '', 'endorsed'],
  ['After my manager asked me to handle it alone, I fixed it alone overnight.', 'alone overnight', '', 'endorsed'],
  ['Because product wanted the launch date, we load tested in the final week.', 'in the final week', '', 'endorsed'],
  // near misses: a proposal in a main clause may go on after its comma; a colon opens the proposer's words
  ['When my lead wanted to skip the dry run, the canary and the soak, we had a week left.', 'the soak', '', 'proposed-by-others'],
  ['When the VP asked, I told him the team wanted to wait until launch.', 'wait until launch', '', 'proposed-by-others'],
  ['When the platform team told us: we will carry the pager for it.', 'carry the pager', '', 'proposed-by-others'],
  // an act nobody did is no one's endorsed act; one told after it in a clause of the candidate's own is theirs
  ['Nobody had load tested the checkout path before the sale.', 'load tested the checkout path', '', 'refused'],
  ['When I joined, nobody on the team had ever fixed it alone.', 'fixed it alone', '', 'refused'],
  ['Nobody told me, so I fixed it alone.', 'fixed it alone', '', 'endorsed'],
  ['With nobody else awake, I fixed it alone.', 'fixed it alone', '', 'endorsed'],
  ['I fixed it alone and nobody noticed.', 'fixed it alone', '', 'endorsed'],
  // a generic "you" or "your" states the candidate's own practice or argument, not someone else's act
  ['You never let one person carry the pager for a whole month.', 'one person carry the pager', '', 'refused'],
  ['You fix it alone and tell people in the morning.', 'fix it alone', '', 'endorsed'],
  ['You never page people at night for things that can wait.', 'never page people', '', 'endorsed', true],
  ['Your on-call never gets woken for a warning.', 'never gets woken', '', 'endorsed', true],
  ['They never page anyone at night for it.', 'never page anyone', '', 'someone-else', true],
  ['Their on-call never gets woken for a warning.', 'never gets woken', '', 'someone-else', true],
  // a general habit told with a condition is done practice; a condition about the past that did not happen is imagined
  ['If we ever get paged twice for the same alert, I fix it alone before anyone wakes up.', 'fix it alone', '', 'endorsed'],
  ['If we had been paged twice for the same alert, I could have fixed it alone.', 'fixed it alone', '', 'imagined'],
  // a condition clause followed by its main clause is not told as done; the main clause is
  ["If you don't page anyone, you end up fixing it alone.", "don't page anyone", '', 'imagined'],
  ["If it broke at night, I fixed it alone.", 'fixed it alone', '', 'endorsed'],
  ["I never paged anyone, even if it was down for hours.", 'never paged anyone', '', 'endorsed'],
  ["The rule only works if you don't make exceptions, and we kept it.", "don't make exceptions", '', 'endorsed'],
  ["I stayed out of it; if you don't page anyone at 3am you end up fixing it alone.", "don't page anyone", '', 'imagined', true],
  ["If you page the secondary late, you end up fixing it alone.", 'fixing it alone', '', 'imagined'],
  ["If it broke at night I didn't page anyone, I just fixed it myself.", "didn't page anyone", '', 'endorsed', true],
  // a plan given as the reason for the candidate's own act is theirs
  ['We skipped the canary during the rewrite, since the idea was a hardening month afterwards.', 'hardening month', '', 'endorsed'],
  ['The idea was a hardening month afterwards.', 'hardening month', '', 'proposed-by-others'],
  // an option weighed and set aside
  ['I considered truncating the events table, but the auditors needed it.', 'truncating the events table', '', 'argued-against'],
  ['We talked about skipping the canary, but kept it.', 'skipping the canary', '', 'argued-against'],
  ['I thought about it and restarted the brokers.', 'restarted the brokers', '', 'endorsed'],
  // a phrase of exclusion ends where the candidate's own clause begins
  ['Without checking with anyone I flushed the CDN.', 'flushed the CDN', '', 'endorsed'],
  ['Without a moment of doubt we reverted the schema.', 'reverted the schema', '', 'endorsed'],
  ['Rather than waking the owner, I patched it myself.', 'patched it myself', '', 'endorsed'],
  ['Rather than waking the owner, I patched it myself.', 'waking the owner', '', 'refused'],
  ['Instead of a staged rollout, we pushed it to every region.', 'pushed it to every region', '', 'endorsed'],
  ['We shipped it without anyone reviewing the migration.', 'reviewing the migration', '', 'refused'],
  // a negation ends at a new subject after a comma, and someone else's at a comma
  ['We did not wait for the vendor, we rebuilt the cache ourselves.', 'rebuilt the cache ourselves', '', 'endorsed'],
  ['We found the replica could not keep up, and added a second one.', 'added a second one', '', 'endorsed'],
  ['When the storage team pushed back on the quota, I escalated to their director.', 'escalated to their director', '', 'endorsed'],
  ["I didn't restart it blind, or page the whole org.", 'page the whole org', '', 'refused'],
  // a clause of its own on a noun is not negated; what a verb of saying or thinking reports is
  ["We don't hold reviews for outages I resolve alone.", 'I resolve alone', '', 'endorsed'],
  ["We don't hold reviews for outages I resolve alone.", 'resolve alone', '', 'endorsed'],
  ['I never said we should drop the retries.', 'drop the retries', '', 'refused'],
  ["I didn't think we needed a rollback plan.", 'needed a rollback plan', '', 'refused'],
  ['Without a pause I killed the pods.', 'I killed the pods', '', 'endorsed'],
  // a habit told as given up
  ['I used to mute the pager on weekends; I stopped after a missed outage.', 'mute the pager', '', 'regretted'],
  ['We used to hand-edit prod configs.', 'hand-edit prod configs', "We don't do that anymore.", 'regretted'],
  ['I used to mute the pager on weekends.', 'mute the pager', '', 'endorsed'],
  // "should have" of someone else is blame, not the candidate's regret
  ['The vendor should have warned us before the change.', 'before the change', '', 'endorsed'],
  ['I rolled out the change on Friday.', 'rolled out the change', 'The vendor should have warned us.', 'endorsed'],
  ['I rolled out the change on Friday.', 'rolled out the change', 'Honestly I should have waited.', 'regretted'],
  ['I rolled out the change on Friday.', 'rolled out the change', 'Should have waited until Monday.', 'regretted'],
  // hyphenated words that hold "no" or "non" negate nothing
  ['We ran a no-downtime cutover of the ledger.', 'cutover of the ledger', '', 'endorsed'],
  ['We pushed a no-op config to every node.', 'config to every node', '', 'endorsed'],
  // a second negation undoes the one that is the act
  ['We never deployed without a rollback plan.', 'deployed without a rollback plan', '', 'refused', true],
  ['We never deployed without a rollback plan.', 'without a rollback plan', '', 'refused', true],
  ['We deployed without a rollback plan.', 'without a rollback plan', '', 'endorsed', true],
  ['No, we never paged the database team.', 'paged the database team', '', 'endorsed', true],
  // what could have been is imagined; what was decided after "but" is told
  ['I could have woken the secondary, but I decided to handle it.', 'decided to handle it', '', 'endorsed'],
  ['I could have woken the secondary, but I decided to handle it.', 'woken the secondary', '', 'imagined'],
  // an "it" that stands for no one is not someone else
  ['It was decided to skip the staging soak.', 'skip the staging soak', '', 'endorsed'],
  ['It was decided not to wake the vendor.', 'not to wake the vendor', '', 'endorsed', true],
  ['It turned out we had truncated the wrong table.', 'truncated the wrong table', '', 'endorsed'],
  // contractions: "'d" before a participle is "had", "that's" is "that is"
  ["My manager had the idea of a freeze month, and that's what we did.", 'freeze month', '', 'endorsed'],
  ["I wish I'd paged the DBA sooner.", 'paged the DBA', '', 'regretted'],
  // someone else's act, told with their whole noun phrase: a role past a modifier, a collective set apart
  ['The previous owners of the billing service treated reliability as a clean-up phase.', 'clean-up phase', '', 'someone-else'],
  ['I found a contractor had dropped the foreign keys.', 'dropped the foreign keys', '', 'someone-else'],
  ['My manager at the parcel company once stayed up alone all night.', 'stayed up alone', '', 'someone-else'],
  ['A neighbouring team had an alert that paged on every failed login.', 'paged on every failed login', '', 'someone-else'],
  // near misses: two phrases with no comma, nobody, the candidate's own team
  ['After the second outage the CTO funded a reliability programme and I was asked to lead it.', 'reliability programme', '', 'endorsed'],
  ['No customer complained, so we called the migration done.', 'called the migration done', '', 'endorsed'],
  ['My team had only load tested in the final sprint.', 'load tested', '', 'endorsed'],
  ['Our engineers on the payments side had pages on every error.', 'pages on every error', '', 'endorsed'],
  // an urge named after the option it was for: the option was weighed, not taken ... unless taken up
  ['The fastest fix was to restart every pod, and I was tempted.', 'restart every pod', '', 'argued-against'],
  ["The fastest fix was to restart every pod, and honestly I was tempted, so that's what we did.", 'restart every pod', '', 'endorsed'],
  // an urge pointed onward is about what follows, not what came before
  ['We restarted every pod, and I was tempted to page the team.', 'restarted every pod', '', 'endorsed'],
  // a fronted purpose or time clause is not the act's subject: the candidate named after it is
  ['To hit the release date we dropped the foreign keys on the orders table.', 'dropped the foreign keys', '', 'endorsed'],
  ['To speed up the nightly load I removed the transaction around each table.', 'removed the transaction', '', 'endorsed'],
  ['When the API started timing out, I restarted every node at once.', 'restarted every node at once', '', 'endorsed'],
  ['When the gateway started timing out, my lead restarted every node at once.', 'restarted every node at once', '', 'someone-else'],
  // an option framed, turned down after a comma in the same sentence
  ['The idea in the war room was to purge the whole queue, and I said no.', 'purge the whole queue', '', 'refused'],
  ['The plan on the bridge call was to fail the payments over blind, and I declined it.', 'fail the payments over blind', '', 'refused'],
  ['The idea in the war room was to purge the whole queue, and I said no, but we purged it anyway.', 'purge the whole queue', '', 'endorsed'],
  // someone else's act, answered by the candidate's objection: not the candidate's act
  ['The billing squad only sized the brokers after launch.', 'sized the brokers after launch', 'I flagged it to our director the same day.', 'proposed-by-others'],
  ['When I arrived, the checkout alerts had been paging on every retry.', 'paging on every retry', 'I raised it in the on-call review.', 'proposed-by-others'],
  ['I took over a ledger where the old team had dropped the foreign keys.', 'dropped the foreign keys', 'I raised it with their lead the same week.', 'proposed-by-others'],
  // the candidate's own act stays theirs, whatever they say next
  ['We only sized the brokers after launch.', 'sized the brokers after launch', 'I flagged it as fine in the review.', 'endorsed'],
  ['I dropped the foreign keys to make the date.', 'dropped the foreign keys', 'I asked them to sign it off.', 'endorsed'],
  // the candidate's different practice told after it: the act is looked back on
  ['We only load tested the ledger in the last week.', 'load tested the ledger', 'It nearly sank the launch. Now I put the capacity numbers in the design doc.', 'regretted'],
  ['I ran the clean-up straight on production.', 'ran the clean-up straight on production', "I wouldn't run a clean-up like that again.", 'regretted'],
  ['I muted the noisy disk alerts and moved on.', 'muted the noisy disk alerts', "Today I'd fix the threshold instead.", 'regretted'],
  ['I muted the noisy disk alerts and moved on.', 'muted the noisy disk alerts', 'I look much more carefully at what each page asks of the person now.', 'regretted'],
  ['I muted the noisy disk alerts and moved on.', 'muted the noisy disk alerts', 'Since then we delete any alert nobody acted on.', 'regretted'],
  ['We only load tested the ledger in the last week.', 'load tested the ledger', 'Now the capacity numbers come first in every design.', 'regretted'],
  ['I switched off the duplicate check to make the date.', 'switched off the duplicate check', 'We paid for it, so these days a migration is not done until the counts match.', 'regretted'],
  ['I switched off the duplicate check to make the date.', 'switched off the duplicate check', "I've since learned to say what a shortcut risks first.", 'regretted'],
  // ... not when the practice goes on, is played down, "now" tells how things stand, or is a time
  ['I switched off the duplicate check to make the date.', 'switched off the duplicate check', 'Now everything gets through, which is what sales wanted.', 'endorsed'],
  ['We page on every error.', 'page on every error', 'Now we still page on every error, and it works.', 'endorsed'],
  ['We skipped the dry run.', 'skipped the dry run', "I'm just more careful now.", 'endorsed'],
  ["I've restarted the whole fleet five times now.", 'restarted the whole fleet', '', 'endorsed'],
  ['We skipped the dry run.', 'skipped the dry run', 'Now that we had the numbers, nobody asked.', 'endorsed'],
  // a present practice that may be the same one, an outcome, or the candidate's own act and then
  // a word of their own: not a lesson and not an objection
  ['I muted the noisy disk alerts and moved on.', 'muted the noisy disk alerts', "That's how I do it now.", 'endorsed'],
  ['I muted the noisy disk alerts and moved on.', 'muted the noisy disk alerts', 'Since then we have had no night pages at all.', 'endorsed'],
  ['I panicked and dropped the foreign keys.', 'dropped the foreign keys', 'I flagged it to my manager.', 'endorsed'],
  ['We once restarted every node at once.', 'restarted every node at once', 'I pointed out it cleared the leak.', 'endorsed'],
  ['I was asked to restart every node, and I did not hesitate.', 'restart every node', '', 'endorsed'],
  ['There was pressure to skip the dry run.', 'skip the dry run', 'I declined. We lost a day of schedule, but no data.', 'refused'],
  // an objection that did not stop it
  ['The billing squad only sized the brokers after launch.', 'sized the brokers after launch', 'I flagged it, but we went ahead anyway.', 'endorsed'],
];

/** Where in the sentence the red flag matched; a row whose words are not in its sentence fails. */
function offsetOf(sentence: string, matched: string): number {
  const offset = sentence.indexOf(matched);
  expect(offset).toBeGreaterThanOrEqual(0);
  return offset;
}

describe('stance: where the candidate stands on what a sentence tells', () => {
  it.each(CASES)('%s [%s]', (sentence, matched, after, expected, negationIsTheAct) => {
    const offset = offsetOf(sentence, matched);
    expect(stanceAt(sentence, offset, after, { negationIsTheAct: negationIsTheAct === true, end: offset + matched.length })).toBe(expected);
  });

  it('reads a long sentence in time linear in its length', () => {
    const long = `${'we kept going and '.repeat(20_000)}fixed it alone.`;
    const t0 = Date.now();
    stanceAt(long, long.length - 10);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});

/** [sentence, the words the red flag matched, what follows the sentence, the candidate stood against it] */
const PUSH_BACK: [string, string, string, boolean][] = [
  ['I refused to skip the dry run.', 'skip the dry run', '', true],
  ['The team wanted to skip the dry run.', 'skip the dry run', "I didn't let us skip it.", true],
  ['My manager wanted a load test in the last two weeks.', 'last two weeks', 'I pushed back on that.', true],
  ['The problem with a reliability sprint is that the other sprints stop caring.', 'reliability sprint', '', true],
  ['I talked them out of a stability month.', 'stability month', '', true],
  // it only did not happen: nobody stood against it
  ['We never load tested before the launch.', 'load tested', '', false],
  // someone proposed it and nobody objected
  ['My manager wanted a reliability month, and we did.', 'reliability month', '', false],
  ['The team wanted to skip the dry run.', 'skip the dry run', 'So we skipped it.', false],
  // an urge set aside is not pushing back on anyone
  ['I was tempted to fix it alone.', 'fix it alone', '', false],
  ['If we had skipped the dry run we would have refused the rollback.', 'skipped the dry run', '', false],
  // someone else's push back does not reach the candidate's own clause
  ['When the storage team pushed back on the quota, I escalated to their director.', 'escalated to their director', '', false],
  // the candidate's answer in the main clause, or an objection in the next sentence, is read
  ['When the data team told us to skip the reconciliation, I said no.', 'skip the reconciliation', '', true],
  ['The team wanted to skip the dry run for the migration.', 'skip the dry run', 'I pushed back on it.', true],
  ['Product wanted a reliability sprint after launch.', 'reliability sprint', 'I argued against it in the planning meeting.', true],
  // near misses: a push back negated, or someone else's
  ['The team wanted to skip the dry run for the migration.', 'skip the dry run', "I didn't push back.", false],
  ['When the data team told us to skip the reconciliation, nobody pushed back.', 'skip the reconciliation', '', false],
];

describe('pushedBackAt: the candidate stood against what a sentence tells', () => {
  it.each(PUSH_BACK)('%s [%s] %s', (sentence, matched, after, expected) => {
    expect(pushedBackAt(sentence, offsetOf(sentence, matched), after)).toBe(expected);
  });
});

/** [sentence, owns up to the candidate's own part] */
const OWNING_UP: [string, boolean][] = [
  ['Looking back, I should have paged the secondary.', true],
  ['That outage was mine, and I own that.', true],
  ['I owned that one in the review.', true],
  ['That was on me, and I said so in the review.', true],
  // "own" as owning a service, and "on me" that is someone's job for the candidate
  ['We alert the same way on any service I own that way.', false],
  ['I owned that service for two years.', false],
  ['I own it end to end, from the schema to the pager.', false],
  ['That was on me to fix by Friday.', false],
];


/** [sentence, tells the practice the candidate keeps now] */
const LESSONS: [string, boolean][] = [
  ['Now every config change I make goes through the canary first.', true],
  ["That's how I do it now, and the CI check flags any rename.", true],
  ['These days a migration is not done until the counts match.', true],
  ['Since then we delete any alert nobody acted on within a month.', true],
  ["I wouldn't run a clean-up like that again.", true],
  ["Today I'd name the risk before agreeing to the date.", true],
  ["I've since learned to say what a shortcut risks before I take it.", true],
  // the story told on, how things stand, a practice unchanged, or "now" as a time
  ['Now I was stuck with a queue nobody could drain.', false],
  ['Now everything gets through, which is what sales wanted.', false],
  ['Now we still page on every error, and it works.', false],
  ["I've restarted the whole fleet five times now.", false],
  ['Now that we had the numbers, the meeting was short.', false],
  ['We rolled back at 03:10 and the graphs recovered.', false],
  ['Now I knew what was wrong.', false],
  ['Today I got paged three times.', false],
  ['I would never have guessed it would break again.', false],
  ['Now the queue was backing up faster than we drained it.', false],
];

/** Readers of a whole sentence, each with its table: [name, reader, rows]. */
const SENTENCE_READERS: [string, (sentence: string) => boolean, [string, boolean][]][] = [
  ["ownsUp: the sentence owns up to the candidate's own part", ownsUp, OWNING_UP],
  ['tellsLesson: the sentence tells the practice the candidate keeps now', tellsLesson, LESSONS],
];

describe.each(SENTENCE_READERS)('%s', (_name, read, rows) => {
  it.each(rows)('%s', (sentence, expected) => {
    expect(read(sentence)).toBe(expected);
  });
});
