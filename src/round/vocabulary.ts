import type { Action, Scenario } from '../scenario/types.js';
import { NOT_OBJECT, WORDS, readAction, readClauses, type ActionClass, type ActionReading, type ActionValue } from '../language/index.js';

// The scenario's own words for its actions: each action's verb and object from its title, and
// the flags and settings its panels and runbook show, linked to the actions that change them.
// An action typed as "verb + object (+ value)" is matched against these, so a flag name read on
// a panel is a word for the action that sets it, and the value typed is the value applied.

const NOT_OBJECT_WORDS: ReadonlySet<string> = new Set(NOT_OBJECT.words);
const NOT_VERBS: ReadonlySet<string> = new Set([...NOT_OBJECT.words, ...WORDS.determiners.words, ...WORDS.questionWords.words, ...WORDS.quantifiers.words]);

export interface ActionWords {
  action: Action;
  /** The verb of its title ("acknowledge" in "Acknowledge the open pages"). */
  verb: string;
  classes: ActionClass[];
  /** Stems of the title's object words, and the words of its flags. */
  object: Set<string>;
  /** Flags (or settings) the action changes, as shown on the boards. */
  flags: string[];
  /** The value the action applies when none is typed ("800" in "max_new_rps set to 800"). */
  defaultValue?: string;
}

const stem = (w: string): string =>
  w
    .toLowerCase()
    .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
    .replace(/(ations|ation|ing|ers|er|ed|es|s)$/, '')
    .replace(/e$/, '');

/** A flag or setting name as shown on a board: dotted or snake_case, not a host or a file. */
const FLAG_RE = /\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)*_[a-z0-9_]+\b|\b[a-z][a-z0-9]*(?:\.[a-z][a-z0-9_]*){2,}\b/g;

/** An alert or rule name as shown on a board: HealthCheckFailing, FlagServiceDependencyDown. */
const CAMEL_RE = /\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+){2,}\b/g;

function flagsIn(text: string): string[] {
  const names = [...(text.match(FLAG_RE) ?? []), ...(text.match(CAMEL_RE) ?? []).map((n) => n.toLowerCase())];
  return [...new Set(names)].filter((f) => !/\.(com|net|org|io|yaml|json|log)$/.test(f));
}

/** Words that name a flag: its full name, its last part, and that part's words. */
function flagWords(flag: string): string[] {
  const last = flag.split('.').pop()!;
  return [flag, last, ...last.split('_').filter((w) => w.length > 1)];
}

export function actionWords(scenario: Scenario): ActionWords[] {
  const inc = scenario.incident;
  if (!inc) return [];
  const shown = new Set([...inc.panels.flatMap((p) => p.views.flatMap((v) => flagsIn(v.text))), ...flagsIn(inc.page.text)]);
  return inc.actions.map((action) => {
    const title = readClauses(action.title)[0];
    const reading = title ? readAction({ ...title, mood: 'act', verb: title.words[0]?.norm ?? '' }) : undefined;
    // the flags the reply says it changed, in its first sentence: "auth.partner.max_new_rps set to 800."
    const flags = flagsIn(action.says.split(/\.\s/)[0] ?? '').filter((f) => shown.has(f));
    const object = new Set<string>([...(reading?.object ?? []), ...patternObjects(action, scenario.concepts ?? {})].map(stem));
    for (const f of flags) for (const w of flagWords(f)) object.add(stem(w));
    const words: ActionWords = { action, verb: reading?.verb ?? '', classes: reading?.classes ?? [], object, flags };
    const first = flags[0];
    if (first) {
      const after = action.says.slice(action.says.indexOf(first) + first.length);
      const num = /\bto (\d{1,3}(?:,\d{3})+|\d+)\b/.exec(after) ?? /\b(\d{1,3}(?:,\d{3})+|\d+)\b/.exec(after);
      if (num) words.defaultValue = num[1]!;
    }
    return words;
  });
}

export interface GrammarMatch {
  words: ActionWords;
  value?: ActionValue;
  /** How many object words matched; more is closer. */
  score: number;
}

/** Which way a reading moves a flag: on (apply, limit, enable), off, or raise. */
function direction(classes: readonly ActionClass[]): 'on' | 'off' | 'raise' | undefined {
  if (classes.includes('disable') || classes.includes('rollback')) return 'off';
  if (classes.includes('raise')) return 'raise';
  if (classes.some((c) => c === 'limit' || c === 'enable' || c === 'set')) return 'on';
  return undefined;
}

/** How many of the actions use each object word: a word only one action has says more. */
function spread(all: readonly ActionWords[], w: string): number {
  return Math.max(1, all.filter((a) => a.object.has(w)).length);
}

function objectScore(reading: ActionReading, words: ActionWords, all: readonly ActionWords[]): number {
  let score = 0;
  for (const w of reading.object) {
    const s = stem(w);
    if (words.object.has(s)) score += 1 + 1 / spread(all, s);
    // a typed flag name in full or in part: auth.partner.max_new_rps, max_new_rps
    else if (words.flags.some((f) => flagWords(f).includes(w) || f.endsWith(`.${w}`))) score += 2;
  }
  return score;
}

/** Whether a reading names one of the flags the boards show ("max_new_rps", "auth.partner.fail_open"). */
export function namesFlag(reading: ActionReading, all: readonly ActionWords[]): boolean {
  return reading.object.some((w) => all.some((words) => words.flags.some((f) => f === w || f.endsWith(`.${w}`) || f.split('.').pop() === w)));
}

/**
 * The action a reading names: a verb of the same kind and the object in the scenario's words.
 * A flag's name picks among the actions on that flag by the way the verb (or value) moves it.
 */
export function matchGrammar(reading: ActionReading, all: readonly ActionWords[], did: readonly string[]): GrammarMatch | undefined {
  let best: GrammarMatch | undefined;
  const dir = direction(reading.classes);
  const doneOn = (flags: readonly string[]) => did.some((id) => all.find((w) => w.action.id === id)?.flags.some((f) => flags.includes(f)));
  for (const words of all) {
    let score = objectScore(reading, words, all);
    if (score === 0) continue;
    // "set" and its kin change anything: on a title alone they need more than one word of its object
    const shared = reading.classes.filter((c) => words.classes.includes(c));
    let fits = shared.some((c) => c !== 'set') || (shared.length > 0 && score >= 3);
    if (!fits && words.flags.length > 0 && dir) {
      // on a flag, "set" and "cap" apply, "raise" raises, "lift" and "unlimited" remove; a new
      // number for a flag already changed is a step on from there
      const own = direction(words.classes) ?? 'on';
      fits = own === dir || (dir === 'on' && own === 'raise' && reading.value?.number !== undefined && doneOn(words.flags));
    }
    if (!fits) continue;
    if (direction(words.classes) === 'raise' && doneOn(words.flags)) score += 0.5;
    // the title's own verb is the closer word: "acknowledge my page" is "Acknowledge the open pages"
    if (words.verb === reading.verb) score += 0.5;
    const m: GrammarMatch = { words, score };
    if (reading.value) m.value = reading.value;
    if (!best || score > best.score) best = m;
  }
  return best;
}

/** The action whose title and words are closest to a clause's words, for "did you mean". */
export function closestAction(clauseWords: readonly string[], all: readonly ActionWords[]): Action | undefined {
  let best: { action: Action; score: number } | undefined;
  const typed = new Set(clauseWords.filter((w) => !NOT_OBJECT_WORDS.has(w)).map(stem));
  for (const words of all) {
    const title = readClauses(words.action.title).flatMap((c) => c.words.map((w) => stem(w.norm)));
    const score = [...new Set([...title, ...words.object])].filter((w) => w.length > 1 && typed.has(w)).length;
    if (score > 0 && (!best || score > best.score)) best = { action: words.action, score };
  }
  return best?.action;
}

/** The action's reply with the value typed in place of its default one. */
export function withValue(text: string, words: ActionWords, value: ActionValue | undefined): string {
  if (!value?.number || !words.defaultValue) return text;
  const shown = value.number.toLocaleString('en-GB');
  const re = new RegExp(`(?<![\\d,.])${words.defaultValue.replace(/,/g, ',?')}(?![\\d,])`, 'g');
  return text.replace(re, shown);
}

/** The words of an action's phrasings after their first term: the things it acts on ("traffic", "requests"). */
function patternObjects(action: Action, concepts: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const spec of action.do) {
    const source = typeof spec === 'string' ? spec : spec.match;
    for (const term of source.trim().split(/\s+/).slice(1)) {
      for (const alt of term.split('|')) {
        const concept = /^\{(.+)\}$/.exec(alt);
        const words = concept ? (concepts[concept[1]!] ?? []).flatMap((w) => w.split(' ')) : [alt.replace(/\*$/, '')];
        for (const w of words) if (/^[a-z][a-z0-9-]+$/.test(w) && !NOT_OBJECT_WORDS.has(w)) out.push(w);
      }
    }
  }
  return out;
}

/**
 * Words that lead the scenario's own action phrasings ("halt" in "halt|pause rollout"): verbs of
 * its world, so a clause they open reads as an imperative.
 */
export function scenarioVerbs(scenario: Scenario): Set<string> {
  const concepts = scenario.concepts ?? {};
  const out = new Set<string>();
  for (const action of scenario.incident?.actions ?? []) {
    for (const spec of action.do) {
      const source = typeof spec === 'string' ? spec : spec.match;
      const first = source.trim().split(/\s+/)[0] ?? '';
      for (const alt of first.split('|')) {
        const concept = /^\{(.+)\}$/.exec(alt);
        const words = concept ? (concepts[concept[1]!] ?? []).map((w) => w.split(' ')[0]!) : [alt.replace(/\*$/, '')];
        for (const w of words) if (/^[a-z][a-z-]+$/.test(w) && !NOT_VERBS.has(w)) out.add(w.toLowerCase());
      }
    }
  }
  return out;
}
