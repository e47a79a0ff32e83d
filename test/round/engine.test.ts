import { describe, expect, it } from 'vitest';
import { createRound, parseInput, step } from '../../src/round/engine.js';
import { finishRound } from '../../src/round/finish.js';
import { valuableMisses } from '../../src/debrief/view.js';
import type { RoundState } from '../../src/round/state.js';
import { ctxOf, designScenario, incidentScenario, lines, playLines, rubricSpec } from './fixtures.js';

const incident = ctxOf(incidentScenario);
const design = ctxOf(designScenario);

/** The system's answer to each candidate turn: refs of the system lines that followed it. */
function answersTo(state: RoundState): { said: string; refs: string[]; texts: string[] }[] {
  const out: { said: string; refs: string[]; texts: string[] }[] = [];
  for (const e of state.transcript) {
    if (e.role === 'candidate') out.push({ said: e.text, refs: [], texts: [] });
    else if (out.length > 0 && e.role === 'system') {
      out[out.length - 1]!.refs.push(e.ref ?? e.kind);
      out[out.length - 1]!.texts.push(e.text);
    }
  }
  return out;
}

describe('incident round: the page and the prompt open the round', () => {
  it('says the page at the simulated clock, what a turn costs, then the phase prompt', () => {
    const p = playLines(incident, []);
    const [page, cost, prompt] = p.state.transcript;
    expect(page).toMatchObject({ role: 'system', kind: 'page', clock: '02:47', phase: 'triage' });
    expect(page!.text).toContain('02:47 Saturday');
    expect(cost).toMatchObject({ role: 'system', kind: 'notice', ref: 'clock' });
    expect(cost!.text).toBe("A turn that looks at a board or changes something moves the simulated clock 5 minutes; answering the interviewer's question takes 1 minute.");
    expect(prompt).toMatchObject({ role: 'interviewer', kind: 'prompt', text: 'You are paged. What do you do?' });
  });
});

describe('incident round: what each ask reveals or does', () => {
  const table: [string, string[], string?][] = [
    ['check the queue depth on the partner integration', ['queue'], 'queue 4,800 growing'],
    ["I'd look at the northbridge integration", ['queue']],
    ['I would not fail open', ['fallback']],
    ['we did not fail open, we rate limited instead', ['rate-limit']],
    ['look at the dashboard and the db', ['overview', 'db']],
    ["let's rate limit and then check the queue depth", ['rate-limit', 'queue'], 'queue 140 steady'],
    ['restart the pods', ['restart'], 'Restart what? You have not looked at anything yet.'],
    ['sing a song', ['fallback'], 'No such dashboard.'],
    ['fail open now', ['fail-open'], 'Failing open: latency drops.'],
  ];
  it.each(table)('%s → %j', (said, refs, text) => {
    const p = playLines(incident, [said]);
    const [answer] = answersTo(p.state);
    expect(answer!.refs).toEqual(refs);
    if (text) expect(answer!.texts).toContain(text);
  });

  it('an action works once its condition holds, and says `again` the second time', () => {
    const p = playLines(incident, ['restart', 'latency dashboard', 'restart', 'rate limit', 'rate limit']);
    const texts = answersTo(p.state).map((a) => a.texts.join(' | '));
    expect(texts[0]).toContain('Restart what?');
    expect(texts[2]).toContain('Pods restarted.');
    expect(texts[3]).toContain('Rate limit on.');
    expect(texts[4]).toContain('Already on.');
  });

  it('never answers with silence: fallbacks rotate', () => {
    const p = playLines(incident, ['hmm', 'what now', 'anything else']);
    expect(answersTo(p.state).map((a) => a.texts)).toEqual([['No such dashboard.'], ['Nothing shows that.'], ['No such dashboard.']]);
  });

  it('a panel shows the view for the state after the turn’s actions and the clock', () => {
    const p = playLines(incident, ['queue depth', 'rate limit', 'queue depth', 'db', 'db', 'db', 'db', 'db', 'queue depth']);
    const queue = p.state.transcript.filter((e) => e.ref === 'queue').map((e) => `${e.clock} ${e.text}`);
    expect(queue).toEqual(['02:47 queue 4,800 growing', '02:57 queue 140 steady', '03:27 queue draining']);
  });
});

describe('incident round: timed events and the simulated clock', () => {
  it('the partner recovers at 03:25, as the clock passes it', () => {
    const p = playLines(incident, Array.from({ length: 9 }, () => 'db'));
    const turns = p.state.transcript.filter((e) => e.role === 'candidate').map((e) => e.clock);
    expect(turns.slice(0, 3)).toEqual(['02:47', '02:52', '02:57']);
    const ev = p.state.transcript.find((e) => e.kind === 'event');
    expect(ev).toMatchObject({ ref: 'partner-recovers', clock: '03:25', text: 'Northbridge recovers.' });
    // it follows the 8th turn (03:22 → clock 03:27 passes 03:25) and precedes the 9th
    const idx = p.state.transcript.indexOf(ev!);
    const before = p.state.transcript.slice(0, idx).filter((e) => e.role === 'candidate');
    expect(before).toHaveLength(8);
    expect(p.state.incident!.state.partner).toBe('recovered');
  });

  it('the investigate phase ends when endWhen holds', () => {
    const p = playLines(incident, ['declare incident', 'db', 'db', 'db', 'db', 'db', 'db', 'db', 'db']);
    const prompt = p.state.transcript.find((e) => e.kind === 'prompt' && e.phase === 'review');
    expect(prompt).toBeDefined();
    const turnsInTriage = p.state.transcript.filter((e) => e.role === 'candidate' && e.phase === 'triage');
    expect(turnsInTriage).toHaveLength(8); // the 8th turn passes 03:25
  });

  it('maxTurns ends the investigation', () => {
    const p = playLines(incident, Array.from({ length: 11 }, () => 'db'));
    expect(p.state.transcript.filter((e) => e.role === 'candidate' && e.phase === 'triage')).toHaveLength(10);
    expect(p.state.phase.id).toBe('review');
  });
});

describe('incident round: inline probes and follow-ups', () => {
  it('asks an inline probe once its condition holds, once', () => {
    const p = playLines(incident, ['db', 'queue depth', 'queue depth', 'declare incident', 'db']);
    const probes = p.state.transcript.filter((e) => e.kind === 'probe').map((e) => e.ref);
    expect(probes).toEqual(['fail-open-q', 'tell-comms']);
    // a turn answered by a probe gets no fallback; a probe answer that names the risk ends its follow-ups
  });

  it('follows a probe whose targets the answer missed', () => {
    const p = playLines(incident, ['queue depth', 'no idea', 'db']);
    const kinds = p.state.transcript.filter((e) => e.role === 'interviewer').map((e) => e.ref ?? e.kind);
    expect(kinds).toEqual(['triage', 'fail-open-q', 'beat:data-integrity/integrity']);
  });

  it('an unmatched ask is answered by a fallback before the interviewer asks anything', () => {
    const p = playLines(incident, ['db', 'db', 'db', 'hmm']);
    expect(p.state.transcript.slice(-2).map((e) => `${e.kind}:${e.ref}`)).toEqual(['fallback:fallback', 'followup:who-knows']);
  });

  it('an answer to the interviewer that matches nothing draws the follow-up, not a fallback', () => {
    const p = playLines(incident, ['queue depth', 'no idea']);
    expect(p.state.transcript.slice(-2).map((e) => `${e.role}:${e.kind}`)).toEqual(['candidate:answer', 'interviewer:followup']);
  });

  it('an answer to the interviewer that matches nothing, with nothing left to ask, gets no fallback', () => {
    const p = playLines(incident, ['queue depth', 'no idea', 'nothing more to add']);
    expect(p.state.transcript.at(-1)).toMatchObject({ role: 'candidate', text: 'nothing more to add' });
    const next = playLines(incident, ['queue depth', 'no idea', 'nothing more to add', 'hmm']);
    const afterHmm = next.state.transcript.slice(next.state.transcript.findIndex((e) => e.text === 'hmm'));
    expect(afterHmm.map((e) => e.kind)).toContain('fallback');
  });

  it('asks a scenario follow-up when its condition holds', () => {
    const p = playLines(incident, ['db', 'db', 'db', 'db', 'db']);
    expect(p.state.transcript.filter((e) => e.kind === 'followup').map((e) => e.ref)).toEqual(['who-knows']);
  });
});

describe('design round: follow-ups, probes, phases', () => {
  it('asks follow-ups for missed targets, most important first, at most two, then the probes in order', () => {
    const p = playLines(design, ['I would build an API.', 'Just servers.', 'More servers.', 'I would reconcile nightly.', 'Lots of headroom.']);
    const asked = p.state.transcript.filter((e) => e.role === 'interviewer').map((e) => `${e.kind}:${e.ref}`);
    expect(asked).toEqual([
      'prompt:design',
      'followup:beat:incident-judgement/triage', // weight 3, no scenario follow-up: the rubric probe
      'followup:own-escalation', // weight 2, the scenario's own follow-up
      'probe:operate', // two follow-ups asked: on to the probes
      'probe:capacity', // integrity hit; `skipped` fails its condition
      'prompt:story',
    ]);
  });

  it('a follow-up is asked once per phase', () => {
    const p = playLines(design, ['x.', 'y.', 'z.', 'w.']);
    const refs = p.state.transcript.filter((e) => e.kind === 'followup').map((e) => e.ref);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('takes bank prompts deterministically by seed, without repeating one', () => {
    const prompts = (seed: number) =>
      playLines(design, ['/skip', '/skip'], { seed }).state.transcript.filter((e) => e.kind === 'prompt').map((e) => e.text);
    const bank = rubricSpec.signals[0]!.prompts;
    for (const seed of [1, 2, 3, 4, 5]) {
      const [, story, close] = prompts(seed);
      expect(bank).toContain(story);
      expect(bank).toContain(close);
      expect(story).not.toBe(close);
      expect(prompts(seed)).toEqual(prompts(seed));
    }
  });
});

describe('commands', () => {
  it('/skip moves to the next phase and /end ends the round with the wrap-up', () => {
    const p = playLines(design, ['/skip', '/end']);
    expect(p.state.phase.id).toBe('story');
    expect(p.state.status).toBe('over');
    expect(p.state.overReason).toBe('end');
    expect(lines(p, 'wrapup')).toEqual(['That is the round.']);
  });

  it('/time reports the time left, the phase and the simulated clock', () => {
    const p = playLines(incident, ['db', '/time'], { stepMs: 90_000 });
    expect(lines(p, 'notice').at(-1)).toBe(
      "27m left in the round. Phase 1 of 2: The page (17m of its 20m left). Simulated clock: 02:52 Saturday. A turn that looks at a board or changes something moves the simulated clock 5 minutes; answering the interviewer's question takes 1 minute.",
    );
  });

  it('/panels lists the panels asked for and the titles a dashboard has, never values', () => {
    const p = playLines(incident, ['queue depth', '/panels']);
    const text = lines(p, 'notice').at(-1)!;
    expect(text).toBe('Asked for so far:\n  02:47  Partner queue\nDashboards you have:\n  - Service overview\n  - Partner queue\n  - Database');
    expect(text).not.toContain('4,800');
  });

  it('/hint gives the tip of the top missing target beat (or open path check)', () => {
    expect(lines(playLines(design, ['/hint']), 'notice').at(-1)).toBe('Name your triage steps.');
    expect(lines(playLines(design, ['I ran the runbook.', '/hint']), 'notice').at(-1)).toBe('Say when you escalated.');
    expect(lines(playLines(incident, ['/hint']), 'notice').at(-1)).toBe('Look first.');
  });

  it('parses slash commands and passes unknown ones back', () => {
    expect(parseInput('/time')).toEqual({ type: 'command', command: 'time' });
    expect(parseInput(' /SKIP ')).toEqual({ type: 'command', command: 'skip' });
    expect(parseInput('/nope')).toEqual({ type: 'unknown', command: 'nope' });
    expect(parseInput('check /var/log')).toEqual({ type: 'turn', text: 'check /var/log' });
    // a lone slash is an unfinished command, never an answer to score
    expect(parseInput('/')).toEqual({ type: 'unknown', command: '' });
    expect(parseInput(' / ')).toEqual({ type: 'unknown', command: '' });
  });
});

describe('time', () => {
  it('a 45-minute round: half-time and five-minute warnings, then the wrap-up at zero', () => {
    const ctx = ctxOf({ ...designScenario, phases: designScenario.phases.map((p) => ({ ...p, minutes: 60 })) });
    let state = createRound(ctx, { seed: 7 });
    const t0 = 5_000;
    const seen: string[] = [];
    const feed = (input: Parameters<typeof step>[2], atMin: number) => {
      const r = step(ctx, state, input, t0 + atMin * 60_000);
      state = r.state;
      for (const e of r.effects) {
        if (e.type === 'warning') seen.push(`${atMin}:warning:${e.which}`);
        if (e.type === 'over') seen.push(`${atMin}:over:${e.reason}`);
      }
    };
    feed({ type: 'start' }, 0);
    feed({ type: 'turn', text: 'an answer' }, 10);
    feed({ type: 'tick' }, 22);
    feed({ type: 'tick' }, 22.5);
    feed({ type: 'turn', text: 'another answer' }, 30);
    feed({ type: 'tick' }, 40);
    feed({ type: 'tick' }, 44.9);
    feed({ type: 'tick' }, 45);
    feed({ type: 'turn', text: 'too late' }, 46);
    expect(seen).toEqual(['22.5:warning:half', '40:warning:five', '45:over:time']);
    expect(lines({ state, effects: [], journal: [] }).slice(-2)).toEqual(['Time is up.', 'That is the round.']);
    expect(state.transcript.some((e) => e.text === 'too late')).toBe(false);
  });

  it('a phase whose budget is spent moves on at the next turn', () => {
    const p = playLines(design, ['I would build an API.', 'Runbook and triage, escalate.'], { stepMs: 21 * 60_000 });
    expect(p.state.transcript.filter((e) => e.kind === 'notice').map((e) => e.text)).toContain('That is the time for Design; moving on.');
    expect(p.state.phase.id).toBe('close');
  });

  it('--minutes overrides the budget and untimed has none', () => {
    expect(createRound(design, { seed: 1, minutes: 10 }).budgetMs).toBe(600_000);
    expect(createRound(design, { seed: 1, untimed: true }).budgetMs).toBeNull();
    const p = playLines(design, ['a.', 'b.', 'c.'], { untimed: true, stepMs: 60 * 60_000 });
    expect(p.state.status).toBe('playing');
    expect(p.effects.some((e) => e.type === 'warning')).toBe(false);
  });
});

describe('time, scaled and explained', () => {
  it('--minutes scales each phase budget with the round', () => {
    // design is 45 minutes with a 20-minute first phase: at 15 minutes the phase gets 20 x 15/45
    const p = playLines(design, ['I would build an API.', 'Runbook and triage, escalate.'], { minutes: 15, stepMs: 7 * 60_000 });
    expect(p.state.transcript.filter((e) => e.kind === 'notice').map((e) => e.text)).toContain('That is the time for Design; moving on.');
    const q = playLines(design, ['I would build an API.', '/time'], { minutes: 15, stepMs: 60_000 });
    expect(lines(q, 'notice').at(-1)).toContain('(4m 40s of its 6m 40s left)');
  });

  it('a short round gets a one-minute warning while the candidate is idle', () => {
    let state = createRound(design, { seed: 1, minutes: 5 });
    state = step(design, state, { type: 'start' }, 0).state;
    const r = step(design, state, { type: 'tick' }, 4 * 60_000 + 1_000);
    expect(r.effects.filter((e) => e.type === 'warning').map((e) => (e.type === 'warning' ? e.which : ''))).toEqual(['one']);
    expect(lines({ state: r.state, effects: [], journal: [] }, 'notice').at(-1)).toBe('One minute left (59s).');
  });

  it('answering the interviewer costs a minute of simulated time; looking costs a turn', () => {
    // the queue opens the fail-open probe at 02:52; the answer to it looks at nothing
    const p = playLines(incident, ['queue depth', 'No, I would not: the partner is slow, not down.', '/time']);
    expect(p.state.transcript.some((e) => e.ref === 'fail-open-q')).toBe(true);
    expect(p.state.incident!.now - p.state.incident!.startAt).toBe(5 + 1);
  });
});

describe('replay', () => {
  it('replaying the journaled inputs with the same clock reproduces the same state JSON', () => {
    const script = ['dashboard', 'queue depth on the partner integration', '/hint', 'rate limit', '/panels', 'declare incident', 'db', 'db', 'db', 'db', 'db', 'db', 'we reconciled, it recovered', '/time'];
    const p = playLines(incident, script, { stepMs: 45_000 });
    let state = createRound(incident, { seed: 1 });
    for (const { input, now } of p.journal) state = step(incident, JSON.parse(JSON.stringify(state)) as RoundState, input, now).state;
    expect(JSON.stringify(state)).toBe(JSON.stringify(p.state));
    expect(state.version).toBe(1);
  });

  it('step does not mutate the state it is given', () => {
    const s0 = createRound(incident, { seed: 1 });
    const before = JSON.stringify(s0);
    const s1 = step(incident, s0, { type: 'start' }, 0).state;
    step(incident, s1, { type: 'turn', text: 'queue depth' }, 1000);
    expect(JSON.stringify(s0)).toBe(before);
    expect(s1.transcript).toHaveLength(3);
  });
});

describe('the investigation path', () => {
  const structured = ['check the dashboard for latency', 'queue depth on the partner integration', 'the db too', 'declare incident', 'rate limit new requests'];
  const chaotic = ['fail open now', 'restart', 'rate limit'];

  it('grades what was looked at and done, with simulated times as evidence', () => {
    const p = playLines(incident, structured);
    const { findings } = finishRound(incident, p.state);
    const byId = Object.fromEntries(findings.map((f) => [f.beat?.id ?? f.redFlag!.id, f]));
    expect(byId['looked-first']!.beat).toMatchObject({ hit: true, source: 'path' });
    expect(byId['looked-first']!.beat!.evidence).toBe(
      'looked at 3 dashboards (Service overview, Partner queue, Database) before the first mitigation at 03:07',
    );
    expect(byId['queue-before-mitigation']!.beat!.evidence).toMatch(/^02:52 asked for Partner queue before Rate limit at 03:07/);
    expect(byId['declared-fast']!.beat).toMatchObject({ hit: true });
    expect(byId['declared-fast']!.beat!.evidence).toMatch(/^03:02 Declare an incident, 15 minutes after the page/);
    expect(byId['kept-integrity']!.beat!.hit).toBe(true);
    expect(byId['failed-open']).toBeUndefined();
  });

  it('acting before looking, failing open and never declaring score against', () => {
    const p = playLines(incident, chaotic);
    const { findings, debrief } = finishRound(incident, p.state);
    const ids = findings.filter((f) => f.redFlag).map((f) => f.redFlag!.id);
    expect(ids).toEqual(['failed-open']);
    expect(findings.filter((f) => f.beat?.hit).map((f) => f.beat!.id)).toEqual([]);
    const integrity = debrief.signals.find((s) => s.id === 'data-integrity')!;
    expect(integrity.redFlags.map((f) => f.id)).toContain('failed-open');
    expect(debrief.milestones).toEqual({ mitigated: '02:47' });
  });

  it('the debrief carries the timeline, milestones and phase timings', () => {
    const p = playLines(incident, structured);
    const { debrief } = finishRound(incident, p.state);
    expect(debrief.timeline!.map((t) => `${t.clock} ${t.kind} ${t.what} → ${t.result}`)).toEqual([
      '02:47 asked check the dashboard for latency → Service overview: p95 1.8 s',
      '02:52 asked queue depth on the partner integration → Partner queue: queue 4,800 growing',
      '02:57 asked the db too → Database: db healthy',
      '03:02 did declare incident → Declare an incident: Incident declared.',
      '03:07 did rate limit new requests → Rate limit: Rate limit on.',
    ]);
    expect(debrief.milestones).toEqual({ declared: '03:02', mitigated: '03:07' });
    expect(debrief.phases.map((ph) => ph.id)).toEqual(['triage', 'review']);
    expect(debrief.phases[0]!.spentMs).toBeGreaterThan(0);
    const ij = debrief.signals.find((s) => s.id === 'incident-judgement')!;
    const chaoticIj = finishRound(incident, playLines(incident, chaotic).state).debrief.signals.find((s) => s.id === 'incident-judgement')!;
    expect(ij.score).toBeGreaterThan(chaoticIj.score);
  });

  it('suggests a scenario aimed at the weakest target signal, else a drill', () => {
    const p = playLines(incident, ['db']);
    const { debrief } = finishRound(incident, p.state, {
      catalogue: [{ id: 'integrity-round', kind: 'design', signals: ['data-integrity'] }, { id: 'tiny-page', kind: 'incident', signals: ['incident-judgement'] }],
    });
    expect(debrief.next?.signal).toBeDefined();
    if (debrief.next!.signal === 'data-integrity') expect(debrief.next).toMatchObject({ kind: 'scenario', id: 'integrity-round' });
    else expect(debrief.next).toMatchObject({ kind: 'drill' });
  });
});

describe('the closing line fits where the round got to', () => {
  const withWrapUps = ctxOf({
    ...incidentScenario,
    wrapUps: [
      { when: { did: ['fail-open'] }, text: 'You failed open.' },
      { when: { state: { partner: 'recovered' } }, text: 'The partner recovered at 03:25.' },
    ],
  });
  const table: [string, string[], string][] = [
    ['ended at once: no recovery claimed', ['/end'], 'Thanks, that is time.'],
    ['ended before the recovery', ['db', 'latency?', '/end'], 'Thanks, that is time.'],
    ['played past the recovery', ['db', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', '/end'], 'The partner recovered at 03:25.'],
    ['the first that holds wins', ['fail open', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', '/end'], 'You failed open.'],
  ];
  it.each(table)('%s', (_, input, said) => {
    expect(lines(playLines(withWrapUps, input, { untimed: true }), 'wrapup')).toEqual([said]);
  });

  it('without wrapUps the wrapUp line is said', () => {
    expect(lines(playLines(incident, ['db', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', '/end'], { untimed: true }), 'wrapup')).toEqual(['Thanks, that is time.']);
  });
});

describe('the simulated clock: a turn that finds nothing costs minutesPerMiss', () => {
  const clocks = (ctx: ReturnType<typeof ctxOf>, input: string[]) =>
    playLines(ctx, input, { untimed: true }).state.transcript.filter((e) => e.role === 'candidate').map((e) => e.clock);
  const withMiss = ctxOf({ ...incidentScenario, incident: { ...incidentScenario.incident!, minutesPerMiss: 1 } });
  const table: [string, ReturnType<typeof ctxOf>, string[], string[]][] = [
    ['default: every turn costs minutesPerTurn', incident, ['db', 'what about breakfast', 'latency'], ['02:47', '02:52', '02:57']],
    ['a miss costs minutesPerMiss', withMiss, ['db', 'what about breakfast', 'latency'], ['02:47', '02:52', '02:53']],
    ['a refused action still costs a full turn', withMiss, ['restart', 'db'], ['02:47', '02:52']],
    ['an action costs a full turn', withMiss, ['rate limit', 'hmm', 'db'], ['02:47', '02:52', '02:53']],
  ];
  it.each(table)('%s', (_, ctx, input, expected) => {
    expect(clocks(ctx, input)).toEqual(expected);
  });
});

describe('phases not reached', () => {
  it('a beat only an unreached phase asks for is reported as not reached, not as a miss', () => {
    const p = playLines(design, ['I would build an API.', '/end']);
    const { report } = finishRound(design, p.state);
    const beat = (signal: string, id: string) => report.signals.find((s) => s.id === signal)!.beats.find((b) => b.id === id)!;
    const outcome = report.signals.flatMap((s) => s.beats).find((b) => b.story && b.id === 'outcome')!;
    expect(outcome).toMatchObject({ hit: false, notReached: 'Story', tip: 'Not reached: the round ended before Story.' });
    // a beat the reached phase asked for stays a plain miss with its tip
    expect(beat('incident-judgement', 'escalation')).toMatchObject({ hit: false, tip: 'Say when you escalated.' });
    expect(beat('incident-judgement', 'escalation').notReached).toBeUndefined();
  });

  it('a targeted signal only unreached phases ask about is not asked, not a gap', () => {
    const twoSignals = ctxOf({
      ...designScenario,
      signals: ['incident-judgement', 'data-integrity'],
      phases: [
        { ...designScenario.phases[0]!, probes: [] },
        { id: 'data', title: 'Data', minutes: 10, prompt: 'What could go wrong with the data?', targets: ['data-integrity/integrity'] },
      ],
    });
    const ended = finishRound(twoSignals, playLines(twoSignals, ['I would triage with the runbook and escalate to the partner.', '/end']).state);
    const di = ended.report.signals.find((s) => s.id === 'data-integrity')!;
    expect(di).toMatchObject({ level: 0, label: 'not asked', notReached: 'Data' });
    expect(ended.report.overall.gaps).not.toContain('data-integrity');
    expect(ended.report.overall.summary).toMatch(/the round ended before asking about data integrity/i);
    // what was never asked is neither the next thing to practise nor a miss worth the most
    expect(ended.debrief.next?.signal).toBe('incident-judgement');
    expect(valuableMisses(ended.debrief).map((m) => m.signal)).not.toContain('data-integrity');
    expect(di.beats.filter((b) => !b.hit).every((b) => b.notReached === 'Data')).toBe(true);
    // asked and answered with nothing: a gap, as before
    const answered = finishRound(twoSignals, playLines(twoSignals, ['I would triage with the runbook and escalate to the partner.', 'Not sure.', '/end']).state);
    const asked = answered.report.signals.find((s) => s.id === 'data-integrity')!;
    expect(asked.notReached).toBeUndefined();
    expect(asked.label).not.toBe('not asked');
  });
});
