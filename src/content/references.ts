import type { Problem } from '../errors.js';
import { SIGNAL_IDS, conceptPhrases, type PatternSpec, type RubricSpec } from '../rubric/types.js';
import type { Condition, Scenario } from '../scenario/types.js';
import type { ContentDocument, YamlPath } from './document.js';
import type { Lexicon } from '../scoring/pattern.js';
import { conceptPhraseProblem, lexiconOf, negatedPhraseProblems, patternProblem } from './patterns.js';
import { didYouMean } from './suggest.js';
import { resolveValue } from '../round/values.js';

/** Collects problems against one document, positioned at YAML paths. */
class Findings {
  readonly problems: Problem[] = [];
  constructor(readonly doc: ContentDocument) {}
  at(path: YamlPath, message: string, atKey = false): void {
    const pos = atKey ? this.doc.locateKey(path) : this.doc.locate(path);
    this.problems.push({ file: this.doc.file, line: pos.line, col: pos.col, message });
  }
  line(path: YamlPath): number {
    return this.doc.locate(path).line;
  }
}

/** Report every id that repeats an earlier one in the same list, at the repeat's `id`. */
function uniqueIds(f: Findings, list: readonly { id: string }[] | undefined, listPath: YamlPath, noun: string): void {
  const first = new Map<string, number>();
  (list ?? []).forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else f.at([...listPath, i, 'id'], `duplicate ${noun} id "${item.id}" (first at line ${f.line([...listPath, seen, 'id'])})`);
  });
}

function checkPatterns(f: Findings, patterns: readonly PatternSpec[] | undefined, path: YamlPath, lexicon: Lexicon): void {
  (patterns ?? []).forEach((spec, i) => {
    const message = patternProblem(spec, lexicon);
    if (message) f.at([...path, i], message);
  });
}

function checkConcepts(f: Findings, concepts: Record<string, string[]> | undefined): void {
  for (const [name, phrases] of Object.entries(concepts ?? {})) {
    const negated = negatedPhraseProblems(name, phrases);
    phrases.forEach((phrase, i) => {
      const message = conceptPhraseProblem(name, phrase) ?? negated.get(i);
      if (message) f.at(['concepts', name, i], message);
    });
  }
}

/** The rubric's concepts come in sourced entries; a broken phrase points into its entry. */
function checkRubricConcepts(f: Findings, concepts: RubricSpec['concepts'] | undefined): void {
  for (const [name, entries] of Object.entries(concepts ?? {})) {
    const at = entries.flatMap((entry, e) => entry.phrases.map((phrase, i) => ({ phrase, path: ['concepts', name, e, 'phrases', i] as YamlPath })));
    const negated = negatedPhraseProblems(name, at.map((x) => x.phrase));
    at.forEach(({ phrase, path }, k) => {
      const message = conceptPhraseProblem(name, phrase) ?? negated.get(k);
      if (message) f.at(path, message);
    });
  }
}

const rubricLexicons = new WeakMap<RubricSpec, Lexicon>();

/** The rubric's concepts compiled for the pattern compiler, once per rubric. */
export function rubricLexicon(rubric: RubricSpec): Lexicon {
  let lexicon = rubricLexicons.get(rubric);
  if (!lexicon) {
    lexicon = lexiconOf(conceptPhrases(rubric.concepts));
    rubricLexicons.set(rubric, lexicon);
  }
  return lexicon;
}

/** Cross-checks inside a schema-valid rubric. */
export function rubricReferenceProblems(doc: ContentDocument, rubric: RubricSpec): Problem[] {
  const f = new Findings(doc);
  const first = new Map<string, number>();
  rubric.signals.forEach((signal, i) => {
    const seen = first.get(signal.id);
    if (seen === undefined) first.set(signal.id, i);
    else f.at(['signals', i, 'id'], `signal "${signal.id}" is listed more than once (first at line ${f.line(['signals', seen, 'id'])})`);
  });
  const missing = SIGNAL_IDS.filter((id) => !first.has(id));
  if (missing.length > 0) {
    f.at(['signals'], `the rubric must list all eight signals; missing ${missing.join(', ')}`, true);
  }
  for (const key of ['levelThresholds', 'roundLevelThresholds'] as const) {
    const t = rubric.scoring[key];
    if (t && t.some((x, i) => i > 0 && x <= t[i - 1]!)) {
      f.at(['scoring', key], `scoring.${key} must rise from level 1 to level 4 (got [${t.join(', ')}])`);
    }
  }
  checkRubricConcepts(f, rubric.concepts);
  const lexicon = rubricLexicon(rubric);
  uniqueIds(f, rubric.storyBeats, ['storyBeats'], 'story beat');
  rubric.storyBeats.forEach((beat, i) => checkPatterns(f, beat.patterns, ['storyBeats', i, 'patterns'], lexicon));
  rubric.signals.forEach((signal, s) => {
    uniqueIds(f, signal.beats, ['signals', s, 'beats'], 'beat');
    uniqueIds(f, signal.redFlags, ['signals', s, 'redFlags'], 'red flag');
    signal.beats.forEach((beat, i) => checkPatterns(f, beat.patterns, ['signals', s, 'beats', i, 'patterns'], lexicon));
    signal.redFlags.forEach((flag, i) => checkPatterns(f, flag.patterns, ['signals', s, 'redFlags', i, 'patterns'], lexicon));
    signal.redFlags.forEach((flag, i) => {
      const beats = signal.beats.map((b) => b.id);
      if (flag.refusalEarns !== undefined && !beats.includes(flag.refusalEarns)) {
        f.at(['signals', s, 'redFlags', i, 'refusalEarns'], `unknown beat "${flag.refusalEarns}" in signal ${signal.id}${didYouMean(flag.refusalEarns, beats)}`);
      }
    });
  });
  return f.problems;
}

/** Beat ids by reference prefix: each signal id, plus "story" for the shared story beats. */
export function beatIndex(rubric: RubricSpec): Map<string, string[]> {
  const index = new Map<string, string[]>();
  index.set('story', rubric.storyBeats.map((b) => b.id));
  for (const s of rubric.signals) index.set(s.id, s.beats.map((b) => b.id));
  return index;
}

/** Every condition in a scenario with its path. */
function conditionsOf(scenario: Scenario): { cond: Condition; path: YamlPath }[] {
  const out: { cond: Condition; path: YamlPath }[] = [];
  scenario.phases.forEach((phase, p) => {
    if (phase.endWhen) out.push({ cond: phase.endWhen, path: ['phases', p, 'endWhen'] });
    phase.probes?.forEach((probe, i) => probe.when && out.push({ cond: probe.when, path: ['phases', p, 'probes', i, 'when'] }));
    phase.followUps?.forEach((fu, i) => fu.when && out.push({ cond: fu.when, path: ['phases', p, 'followUps', i, 'when'] }));
  });
  const incident = scenario.incident;
  incident?.panels.forEach((panel, i) =>
    panel.views.forEach((view, v) => view.when && out.push({ cond: view.when, path: ['incident', 'panels', i, 'views', v, 'when'] })),
  );
  incident?.actions.forEach((action, i) => action.when && out.push({ cond: action.when, path: ['incident', 'actions', i, 'when'] }));
  incident?.events.forEach((event, i) => event.when && out.push({ cond: event.when, path: ['incident', 'events', i, 'when'] }));
  scenario.wrapUps?.forEach((w, i) => w.when && out.push({ cond: w.when, path: ['wrapUps', i, 'when'] }));
  return out;
}

/** Cross-checks inside a schema-valid scenario; beat references need the rubric. */
export function scenarioReferenceProblems(
  doc: ContentDocument,
  scenario: Scenario,
  rubric: RubricSpec | undefined,
): Problem[] {
  const f = new Findings(doc);
  const incident = scenario.incident;
  const panels = new Set(incident?.panels.map((p) => p.id) ?? []);
  const actions = new Set(incident?.actions.map((a) => a.id) ?? []);
  const stateKeys = new Set<string>([
    ...Object.keys(incident?.state ?? {}),
    ...(incident?.actions ?? []).flatMap((a) => Object.keys(a.set ?? {})),
    ...(incident?.events ?? []).flatMap((e) => Object.keys(e.set ?? {})),
  ]);

  uniqueIds(f, scenario.phases, ['phases'], 'phase');
  uniqueIds(f, incident?.panels, ['incident', 'panels'], 'panel');
  uniqueIds(f, incident?.actions, ['incident', 'actions'], 'action');
  uniqueIds(f, incident?.events, ['incident', 'events'], 'event');
  uniqueIds(f, incident?.checks, ['incident', 'checks'], 'check');
  uniqueIds(f, scenario.samples, ['samples'], 'sample');
  incident?.actions.forEach((a, i) => {
    if (panels.has(a.id)) f.at(['incident', 'actions', i, 'id'], `action id "${a.id}" is also a panel id; checks could not tell them apart`);
    if (!a.value) return;
    for (const c of a.value.cases) for (const k of Object.keys(c.set ?? {})) stateKeys.add(k);
    if (a.value.state) stateKeys.add(a.value.state);
    // the runbook's value must be one the round can play: read in the value's unit, and inside a case
    const r = resolveValue(a.value, undefined);
    if (!r.ok) f.at(['incident', 'actions', i, 'value', 'default'], `default "${a.value.default}" cannot be played: ${r.why}`);
  });
  // {value ACTION} in any line the round says names an action that takes a value
  const valued = new Set((incident?.actions ?? []).filter((a) => a.value).map((a) => a.id));
  const walk = (node: unknown, path: YamlPath): void => {
    if (typeof node === 'string') {
      for (const m of node.matchAll(/\{value ([^}\s]+)\}/g)) {
        if (!valued.has(m[1]!)) f.at(path, `{value ${m[1]}} names no action with a value${didYouMean(m[1]!, valued)}`);
      }
    } else if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, i]));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'samples') walk(v, [...path, k]);
  };
  walk(scenario, []);

  const beats = rubric ? beatIndex(rubric) : undefined;
  const beatRef = (ref: string, path: YamlPath): void => {
    if (!beats) return;
    const [prefix = '', beat = ''] = ref.split('/');
    const known = beats.get(prefix);
    if (!known) f.at(path, `unknown signal "${prefix}" in beat reference "${ref}"${didYouMean(prefix, beats.keys())}`);
    else if (!known.includes(beat)) f.at(path, `unknown beat "${beat}" in "${prefix}" (beat reference "${ref}")${didYouMean(beat, known)}`);
  };
  const idRefs = (ids: readonly string[] | undefined, known: ReadonlySet<string>, noun: string, path: YamlPath): void =>
    (ids ?? []).forEach((id, i) => {
      if (!known.has(id)) f.at([...path, i], `unknown ${noun} "${id}"${known.size === 0 ? ` (the scenario has no ${noun}s)` : didYouMean(id, known)}`);
    });

  const hasInvestigate = scenario.phases.some((p) => p.mode === 'investigate');
  if (scenario.kind === 'incident' && !hasInvestigate) {
    f.at(['phases'], 'an incident scenario needs a phase with "mode: investigate"', true);
  }
  scenario.phases.forEach((phase, p) => {
    const path = ['phases', p];
    if (phase.prompt === undefined && phase.fromBank === undefined) f.at(path, `phase "${phase.id}" needs a "prompt" or "fromBank"`);
    if (phase.prompt !== undefined && phase.fromBank !== undefined) f.at([...path, 'fromBank'], `phase "${phase.id}" has both "prompt" and "fromBank"; keep one`, true);
    if (phase.mode === 'investigate' && !incident) f.at([...path, 'mode'], `phase "${phase.id}" investigates, but the scenario has no "incident" block`);
    uniqueIds(f, phase.probes, [...path, 'probes'], 'probe');
    uniqueIds(f, phase.followUps, [...path, 'followUps'], 'follow-up');
    phase.targets?.forEach((ref, i) => beatRef(ref, [...path, 'targets', i]));
    phase.probes?.forEach((probe, i) => probe.targets?.forEach((ref, t) => beatRef(ref, [...path, 'probes', i, 'targets', t])));
  });

  for (const { cond, path } of conditionsOf(scenario)) {
    cond.hit?.forEach((ref, i) => beatRef(ref, [...path, 'hit', i]));
    cond.missed?.forEach((ref, i) => beatRef(ref, [...path, 'missed', i]));
    idRefs(cond.revealed, panels, 'panel', [...path, 'revealed']);
    idRefs(cond.notRevealed, panels, 'panel', [...path, 'notRevealed']);
    idRefs(cond.did, actions, 'action', [...path, 'did']);
    idRefs(cond.notDid, actions, 'action', [...path, 'notDid']);
    for (const key of Object.keys(cond.state ?? {})) {
      if (!stateKeys.has(key)) f.at([...path, 'state', key], `unknown state key "${key}": not in the initial state nor set by any action or event${didYouMean(key, stateKeys)}`, true);
    }
  }

  incident?.checks?.forEach((check, i) => {
    const path = ['incident', 'checks', i, 'rule'];
    const rule = check.rule;
    if ('revealedBefore' in rule) {
      idRefs(rule.revealedBefore.panels, panels, 'panel', [...path, 'revealedBefore', 'panels']);
      const before = rule.revealedBefore.before;
      if (!panels.has(before) && !actions.has(before)) {
        f.at([...path, 'revealedBefore', 'before'], `unknown panel or action "${before}"${didYouMean(before, [...panels, ...actions])}`);
      }
    } else if ('actedWithin' in rule) {
      const action = rule.actedWithin.action;
      if (action !== undefined && !actions.has(action)) f.at([...path, 'actedWithin', 'action'], `unknown action "${action}"${didYouMean(action, actions)}`);
    } else if ('did' in rule) {
      if (!actions.has(rule.did)) f.at([...path, 'did'], `unknown action "${rule.did}"${didYouMean(rule.did, actions)}`);
    } else if ('didNot' in rule) {
      if (!actions.has(rule.didNot)) f.at([...path, 'didNot'], `unknown action "${rule.didNot}"${didYouMean(rule.didNot, actions)}`);
    }
    if (check.redFlag && !check.why) f.at(['incident', 'checks', i], `check "${check.id}" is a red flag and needs a "why"`);
  });

  checkConcepts(f, scenario.concepts);
  // without a rubric its concepts are unknown, so patterns cannot be judged
  if (rubric) {
    const lexicon = lexiconOf(scenario.concepts, rubricLexicon(rubric));
    incident?.panels.forEach((panel, i) => checkPatterns(f, panel.ask, ['incident', 'panels', i, 'ask'], lexicon));
    incident?.actions.forEach((action, i) => checkPatterns(f, action.do, ['incident', 'actions', i, 'do'], lexicon));
  }
  return f.problems;
}
