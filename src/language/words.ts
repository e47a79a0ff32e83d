import type { ContractionRules } from './contractions.js';

// Every word list the scorer, the clause reader, the stance reader and the round engine use, kept
// apart from their logic (as retext keeps data/en/*.yml): no module keeps a word list of its own,
// and no two lists here hold the same words (test/language/words.test.ts checks both).
// Each list says where its entries come from. Multi-word entries are matched on normalised words:
// lower case, contractions expanded ("won't" → "will not", "I'd" → "i would").

export interface WordList {
  source: string;
  words: readonly string[];
}

const list = (source: string, words: readonly string[]): WordList => ({ source, words });

/** English contracted endings and the word each stands for. */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ["n't", 'not'],
  ["'d", 'would'],
  ["'ll", 'will'],
  ["'re", 'are'],
  ["'ve", 'have'],
];

/** How the scorer and the stance reader expand contractions: "I'm" is "i am", "let's" keeps "let". */
export const STORY_CONTRACTIONS: ContractionRules = {
  whole: { "can't": ['can', 'not'], "won't": ['will', 'not'], "shan't": ['shall', 'not'], "ain't": ['is', 'not'], cannot: ['can', 'not'] },
  suffixes: [...SUFFIXES, ["'m", 'am']],
};

/** How the stance reader expands contractions: as the scorer does, and "that's" is "that is". */
export const STANCE_CONTRACTIONS: ContractionRules = {
  ...STORY_CONTRACTIONS,
  sIs: new Set(['it', 'that', 'what', 'where', 'who', 'how', 'there', 'here', 'he', 'she', 'this', 'everything', 'nothing', 'something']),
};

/** How the clause reader expands contractions: "let's" is "let us", and "it's" is "it is". */
export const CLAUSE_CONTRACTIONS: ContractionRules = {
  whole: {
    "won't": ['will', 'not'],
    "can't": ['can', 'not'],
    "shan't": ['shall', 'not'],
    cannot: ['can', 'not'],
    "let's": ['let', 'us'],
    "i'm": ['i', 'am'],
    gonna: ['going', 'to'],
    wanna: ['want', 'to'],
  },
  suffixes: SUFFIXES,
  sIs: STANCE_CONTRACTIONS.sIs!,
};

/** Owning up to one's own part (WORDS.owningUp); regret read next to a red flag adds lesson words to it. */
const OWNING_UP: readonly string[] = [
  'looking back', 'in hindsight', 'with hindsight', 'in retrospect', 'my mistake', 'was a mistake', 'made a mistake', 'i was wrong',
  'we were wrong', 'i regret', 'regretted', 'not proud', 'not so proud', 'not very proud', 'not particularly proud',
  'what i got wrong', 'i got wrong', 'where i went wrong', 'i messed up', 'we messed up', 'i screwed up', 'my fault',
  'i should have', 'we should have', 'i would do differently', 'i would do it differently', 'if i did it again',
  'if i were doing it again', 'if i could do it again', 'i wish i had', 'i wish we had', 'i had to admit', 'i have to admit that i',
  'i learned', 'i learnt', 'taught me', 'changed how i', 'i would not do that again', 'would not do it again',
  'i owned that one', 'i own that one', 'i owned that mistake', 'i own that mistake', 'i owned my part', 'i own my part', 'i handled badly', 'i handled it badly', 'i handled that badly', 'we handled it badly',
  'that one is on me', 'that one on me', 'that is on me', 'i would do that differently', 'i would do that very differently',
  'a bit embarrassing', 'embarrassing to admit',
];

export const WORDS = {
  /** Words that join two clauses of equal standing. */
  coordinators: list('English coordinating conjunctions and clause-joining adverbs', ['and', 'but', 'or', 'then', 'so', 'also', 'plus']),

  /** Words that open a reason: the clause explains, it does not ask or act. */
  reasons: list('English subordinators of cause and concession', [
    'because', 'since', 'cause', 'given', 'although', 'though', 'whereas', 'as long as', 'so that', 'otherwise', 'which means', 'meaning',
  ]),

  /** Words that open a condition: nothing inside it, nor in the consequence, happens now. */
  conditions: list('English conditional subordinators', ['if', 'unless', 'suppose', 'supposing', 'assuming', 'in case', 'even if', 'provided', 'once', 'when', 'whenever']),
  /** Subordinators whose clause states a condition, not an act: "if you don't page anyone, ...". */
  conditionOpeners: list('English conditional subordinators, strictly conditional', ['if', 'unless']),

  /**
   * Subordinators of a clause that tells a fact of time or reason: a "would" inside one ("when SRE
   * wouldn't give us quota, ...") imagines nothing past the comma that closes it.
   */
  factualOpeners: list('English subordinators of time and reason', [
    'when', 'whenever', 'because', 'since', 'after', 'once', 'as', 'while', 'until', 'though', 'although',
  ]),

  /** Words that open a time clause: what is in it is the background, not the decision. */
  times: list('English temporal subordinators', ['before', 'after', 'until', 'till', 'while']),

  /** Words that open a clause whose content is ruled out: "rather than failing open". */
  preventers: list('English subordinators of exclusion (NegEx pre-negation triggers)', ['rather than', 'instead of', 'without', 'not by']),

  /** Words that open a complement or relative clause: it belongs to the clause before it. */
  complements: list('English complementisers and relative pronouns', ['that', 'whether', 'which', 'who', 'where', 'what', 'how', 'why']),

  /** Words that open a question when they come first. */
  questionWords: list('English interrogatives', ['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how']),

  /** Auxiliaries that open a yes/no question ("is the db ok", "can we see the queue"). */
  questionAuxiliaries: list('English auxiliaries in subject-auxiliary inversion', [
    'is', 'are', 'was', 'were', 'do', 'does', 'did', 'have', 'has', 'had', 'can', 'could', 'would', 'will', 'should', 'shall', 'may', 'might', 'any',
  ]),

  /** Phrases that ask to be shown something. */
  askPhrases: list('observed candidate phrasing in mock incident rounds', [
    'show me', 'show us', 'let me see', 'let us see', 'let me look', 'let us look', 'let me check', 'let us check', 'give me', 'get me',
    'tell me', 'pull up', 'bring up', 'double check', 'sanity check', 'keep an eye', 'keep watching', 'make sure', 'look at', 'look into', 'take a look', 'have a look', 'can i see', 'can we see', 'i want to see',
    'i would like to see', 'i need to see', 'i want to know', 'i need to know', 'i would like to know', 'what about', 'how about', 'any news',
  ]),

  /** Verbs of looking and finding out: a clause led by one of them asks. */
  askVerbs: list('verbs of perception and inquiry', [
    'check', 'look', 'see', 'view', 'show', 'confirm', 'verify', 'validate', 'inspect', 'examine', 'review', 'compare', 'query',
    'grep', 'tail', 'read', 'investigate', 'find', 'know', 'understand', 'learn', 'monitor', 'watch', 'eyeball', 'scan', 'search', 'dig',
    'figure', 'determine', 'identify', 'correlate', 'measure', 'trace', 'diagnose', 'explore', 'browse', 'glance', 'skim', 'peek', 'wonder',
    'open', 'head', 'establish', 'quantify', 'gauge', 'assess', 'rule', 'double-check', 'sanity', 'poke', 'profile', 'graph', 'plot',
    'want', 'need', 'checking', 'looking', 'confirming', 'verifying', 'reviewing', 'seen', 'checked', 'looked', 'confirmed', 'verified',
  ]),

  /** Verbs of opinion and report: a first-person clause led by one of them explains. */
  opinionVerbs: list('verbs of cognition and report', [
    'think', 'guess', 'suspect', 'believe', 'bet', 'expect', 'feel', 'assume', 'hope', 'reckon', 'doubt', 'imagine', 'worry', 'fear',
    'mean', 'agree', 'disagree', 'prefer', 'know', 'said', 'say', 'noticed', 'notice', 'saw', 'understand', 'thought', 'considered',
    'consider', 'weighed', 'weigh', 'wondered', 'debated', 'ruled', 'realised', 'realized', 'figured',
  ]),

  /** Verbs that report someone else's reasoning: what follows is theirs, not the candidate's act. */
  reportVerbs: list('English reporting verbs', [
    'says', 'said', 'suggests', 'suggested', 'recommends', 'recommended', 'mentions', 'mentioned', 'claims', 'claimed', 'argues', 'argued',
    'told', 'tells', 'proposes', 'proposed', 'advises', 'advised', 'lists', 'listed', 'offers', 'offered',
  ]),

  /** Phrases that judge an action rather than take it. */
  evaluations: list('observed candidate phrasing: judging an option aloud', [
    'would not help', 'will not help', 'does not help', 'did not help', 'not going to help', 'would help', 'will help', 'would not fix',
    'will not fix', 'does not fix', 'would not work', 'will not work', 'does not work', 'would not do anything', 'will not do anything',
    'would do nothing', 'does nothing', 'would not change', 'will not change', 'no point', 'pointless', 'not worth', 'my worry', 'my concern',
    'the worry', 'the concern', 'worried', 'problem with', 'risk with', 'risk of', 'trouble with', 'issue with', 'downside', 'upside',
    'is risky', 'too risky', 'risky', 'dangerous', 'bad idea', 'good idea', 'make it worse', 'make things worse', 'makes it worse',
    'would make', 'would mean', 'would just', 'would only', 'would not matter', 'does not matter', 'is not the answer', 'the answer is not',
    'is tempting', 'tempting', 'is unsafe', 'wrong call', 'right call', 'the catch', 'is a trap', 'is the bottleneck', 'not the bottleneck',
  ]),

  /** Words that refuse or rule out what follows in the clause. */
  refusals: list('NegEx negation triggers (Chapman et al. 2001), trimmed to the clause', ['not', 'no', 'never', 'nor', 'neither']),

  /** Verbs that hold an action back: "hold off on the rollback", "avoid failing open". */
  holds: list('observed candidate phrasing: holding an action back', [
    'hold off', 'avoid', 'avoiding', 'refrain', 'resist', 'skip', 'wait on', 'wait before', 'not yet', 'no need to', 'decide against', 'rule out',
  ]),

  /**
   * Words in a story that refuse, stop or rule out what follows in the clause: the candidate did
   * not do it ("I didn't let us skip the dry run", "I talked them out of a hardening sprint", "nobody
   * had load tested it").
   */
  storyRefusals: list('NegEx pre-negation triggers (Chapman et al. 2001) with verbs of refusal and prevention', [
    'not', 'no', 'never', 'nor', 'neither', 'nobody', 'none of us', 'without', 'instead of', 'rather than', 'refused', 'refuse', 'refusing', 'declined', 'decline',
    'avoided', 'avoid', 'avoiding', 'stopped', 'stop', 'prevented', 'prevent', 'blocked', 'block', 'vetoed', 'veto', 'resisted', 'resist',
    'rejected', 'reject', 'against', 'pushed back', 'push back', 'pushing back', 'said no', 'say no', 'saying no', 'talked them out',
    'talked him out', 'talked her out', 'talked the team out', 'kept us from', 'kept them from', 'ruled out', 'rule out', 'shot down',
    'killed the idea', 'turned down', 'argued against', 'argue against', 'arguing against', 'objected', 'object to', 'fought', 'fight',
    'do away with', 'did away with', 'got rid of', 'moved away from', 'stopped doing', 'pulled back from', 'walked back',
  ]),

  /**
   * The speaker's own act of refusing or arguing: stronger than a negation ("we did not load
   * test" only says it did not happen; "I pushed back on it" says the candidate stood against it).
   */
  pushBack: list('verbs of refusal, prevention and argument from the story refusals, without the bare negators', [
    'refused', 'refuse', 'refusing', 'declined', 'decline', 'prevented', 'prevent', 'blocked', 'vetoed', 'veto', 'resisted', 'rejected',
    'pushed back', 'push back', 'pushing back', 'said no', 'say no', 'saying no', 'talked them out', 'talked him out', 'talked her out',
    'talked the team out', 'kept us from', 'kept them from', 'ruled out', 'shot down', 'killed the idea', 'turned down', 'argued against',
    'argue against', 'arguing against', 'objected', 'object to', 'did not let', 'would not let', 'was not going to let', 'not let',
    'disagreed', 'disagree', 'talked them out of it', 'talked us out', 'stopped them', 'stopped us', 'held the line',
  ]),

  /**
   * When in a project something happened, read from the words near it. Late: once the system was
   * built, in the final stretch before launch, or at and after launch, when capacity work can only
   * verify or firefight. Early: at scoping, before the build, with time left to change the design.
   */
  lateInProject: list('project-schedule phrasing: the end of a build and the run-up to a launch', [
    'last sprint', 'final sprint', 'last week', 'final week', 'last weeks', 'final weeks', 'last few weeks', 'last couple of weeks',
    'last two weeks', 'final two weeks', 'last days', 'final days', 'last few days', 'last minute', 'eleventh hour', 'at the end',
    'towards the end', 'toward the end', 'near the end', 'end of the project', 'end of the build', 'right before launch',
    'just before launch', 'shortly before launch', 'right before go live', 'just before go live', 'right before release',
    'just before release', 'the week before', 'the day before', 'the night before', 'the weekend before', 'days before',
    'feature complete', 'code complete', 'fully built', 'once it was built', 'once everything was built', 'once it was done',
    'once everything was done', 'once everything was wired up', 'once it was wired up', 'once it was finished',
    'once the build was finished', 'once the build was done', 'after it was built', 'after we built it', 'after the build',
    'after we had built', 'after the code was written', 'once the code was written', 'once it was real', 'once the code existed',
    'when it was built', 'when everything was built', 'when the build was done', 'hardening phase',
    'on launch day', 'on the day of launch', 'at launch', 'during launch', 'after launch', 'after go live', 'launch night',
    'launch weekend',
  ]),
  earlyInProject: list('project-schedule phrasing: scoping and design, before the build', [
    'week one', 'week 1', 'first week', 'first sprint', 'first two weeks', 'first few weeks', 'first couple of weeks', 'first days',
    'first month', 'day one', 'at scoping', 'during scoping', 'while scoping', 'scoping stage', 'scoping phase', 'design phase',
    'design stage', 'design doc', 'design review', 'planning stage', 'planning phase', 'up front', 'upfront', 'early on',
    'at the start', 'at the beginning', 'before we wrote', 'before anyone wrote', 'before any code', 'before writing',
    'before we built', 'before we started building', 'before the build', 'before building', 'before we committed',
    'before we picked', 'before feature work', 'months before', 'months ahead', 'months out', 'well before', 'well ahead',
    'long before', 'in advance',
  ]),
  builtStates: list('English participles of completion', [
    'built', 'complete', 'completed', 'finished', 'done', 'ready', 'existed', 'exists', 'wired', 'shipped', 'launched', 'live', 'working',
  ]),
  buildVerbs: list('English verbs of building', ['built', 'build', 'building', 'finished', 'wrote', 'coded', 'implemented', 'developed', 'shipped']),
  /** Words after a stretch of time that count it back from an event ("two weeks before launch"). */
  countBack: list('English prepositions and adverbs of time before an event', ['before', 'out', 'ahead', 'prior', 'until', 'from', 'left', 'to']),
  /** Words that open a time after something was finished ("once it was built"). */
  afterOpeners: list('English temporal subordinators of sequence', ['once', 'after', 'when']),
  /** Words that open an alternative set aside, up to its comma ("instead of a load test in the last week, ..."). */
  setAside: list('English subordinators of substitution and exclusion', ['instead', 'rather', 'unlike', 'without']),
  /** Verbs by which a plan or habit is said to be what was on the table ("the usual approach had been to ..."). */
  planVerbs: list('English copulas, past and perfect', ['was', 'is', 'were', 'been']),
  /** The speaker's own possessives: "my plan was" is the candidate's plan, not someone else's. */
  ownPossessives: list('English first-person possessive determiners', ['my', 'our']),
  /** Words that point back at what the sentence before told ("I stopped doing that"). */
  anaphors: list('English demonstrative and personal pronouns', ['that', 'it', 'this', 'them', 'those']),
  /** Units of a stretch of time, for "two weeks before launch" (late) and "three months out" (early). */
  shortSpans: list('English units of time up to a couple of weeks', ['day', 'days', 'night', 'nights', 'week', 'weeks', 'sprint', 'sprints']),
  longSpans: list('English units of time of a month and more', ['month', 'months', 'quarter', 'quarters']),

  /** The speaker giving up a practice, said of it after it was told ("I stopped doing that"). */
  abandon: list('English verbs of giving up a practice', [
    'stopped doing', 'stopped', 'dropped', 'quit', 'gave up', 'did away with', 'got rid of', 'moved away from', 'walked back', 'scrapped',
    // the practice reworked in the next breath: "It paged on every error. I changed it to ..."
    'changed', 'replaced', 'reworked', 'rewrote', 'rebuilt', 'reset',
  ]),

  /** Phrases that argue a posture is wrong, said before it ("the problem with a reliability sprint is"). */
  arguedBefore: list('observed interview phrasing: arguing against a practice', [
    'the problem with', 'the trouble with', 'the issue with', 'the risk with', 'the danger of', 'the danger with', 'my worry with',
    'my problem with', 'i do not believe in', 'i am against', 'i was against', 'i disagree with', 'i disagreed with', 'i am wary of',
    'i am not a fan of', 'i was not a fan of', 'i hate', 'i dislike', 'i do not like', 'i did not like', 'i distrust', 'being treated as',
    'treating them as', 'treat them as', 'the trap of', 'the mistake of', 'the myth that', 'the idea that', 'the temptation to',
    'the temptation is to', 'it is tempting to', 'it was tempting to', 'the easy thing', 'the easy answer', 'the lazy version',
  ]),

  /** Phrases that judge what came before them as wrong ("a hardening sprint is how you end up with..."). */
  arguedAfter: list('observed interview phrasing: a practice judged by its consequence', [
    'is how you end up', 'is how we ended up', 'is how teams end up', 'is a trap', 'was a trap', 'does not work', 'did not work',
    'never works', 'never worked', 'backfires', 'backfired', 'is a mistake', 'was a mistake', 'is wrong', 'was wrong', 'is the wrong',
    'was the wrong', 'is a bad idea', 'was a bad idea', 'is a recipe for', 'was a recipe for', 'does not scale', 'did not scale',
    'teaches people', 'would teach', 'sends the message', 'is not how', 'is not the way', 'never sticks', 'never stuck', 'did not stick',
    'does not stick', 'falls apart', 'fell apart', 'rots', 'is theatre', 'is theater', 'would have cost', 'would cost', 'would have been',
    'would have meant', 'would mean', 'would have hurt', 'would hurt', 'would have broken', 'would break', 'would have made',
    'throws away', 'threw away', 'fixes nothing', 'fixed nothing', 'trains people to ignore', 'teaches people to ignore', 'helps nobody',
    'helps no one', 'buys nothing', 'bought nothing', 'stops being useful', 'stopped being useful', 'misses the point', 'missed the point',
  ]),

  /** Openers of a counterfactual: what follows did not happen ("if we had waited until after the build"). */
  counterfactual: list('English third conditional (past counterfactual) openers', [
    'if we had', 'if i had', 'if they had', 'if the team had', 'if nobody had', 'if no one had', 'had we', 'had i', 'if we would have',
    'if i would have', 'if we hadn', 'if i hadn', 'could have', 'could easily have', 'could just have', 'could probably have',
    'could have just', 'might have',
  ]),

  /** Someone other than the candidate, as the subject of a proposal: a role, a group, or a pronoun. */
  proposers: list('English third-person pronouns and workplace roles', [
    'team', 'teams', 'manager', 'managers', 'product', 'pm', 'pms', 'leadership', 'management', 'business', 'sales', 'vp', 'director',
    'cto', 'ceo', 'lead', 'leads', 'colleague', 'colleagues', 'teammate', 'teammates', 'engineer', 'engineers', 'developer', 'developers',
    'devs', 'architect', 'stakeholders', 'client', 'customer', 'vendor', 'partner', 'boss', 'owner', 'owners', 'founder', 'someone', 'somebody',
    'people', 'everyone', 'everybody', 'they', 'he', 'she', 'others', 'room', 'consensus', 'org', 'company', 'studio', 'squad', 'group',
    'predecessor', 'predecessors', 'peer', 'peers', 'secondary', 'ops', 'sre', 'sres', 'dba', 'dbas', 'contractor', 'contractors', 'intern',
    'interns', 'admin', 'admins', 'noc', 'qa', 'oncall', 'on-call', 'coworker', 'coworkers', 'co-worker',
  ]),

  /** Modals before "have" that make a perfect of what was not done ("should have warned"). */
  perfectModals: list('English modal verbs', ['should', 'would', 'could', 'might', 'must', 'may']),
  /** Adverbs that may stand between a subject and its verb ("my manager once stayed up alone"). */
  subjectAdverbs: list('English adverbs of time and frequency', ['once', 'also', 'then', 'just', 'always', 'often', 'usually', 'previously', 'already', 'still']),
  /** Determiners that set a collective apart from the speaker's own ("another team", "the previous squad"). */
  otherDeterminers: list('English determiners and adjectives of otherness', [
    'another', 'other', 'previous', 'prior', 'old', 'former', 'different', 'neighbouring', 'neighboring', 'sister', 'adjacent',
  ]),
  /** Roles that, said as "our ...", are the candidate's own team: "our squad", "our engineers". */
  teamRoles: list('English collective nouns of a workplace team', ['squad', 'group', 'engineers', 'developers', 'devs', 'team', 'teams']),
  /** Prepositions that open a modifier inside a subject: "the owners *of* the billing service had ...". */
  subjectPrepositions: list('English prepositions', ['of', 'at', 'on', 'in', 'from', 'for', 'with', 'behind', 'across', 'over', 'under']),
  /** Prepositions that place a person in a team, a shift or a company: "Aisha on my team", "my colleague on call". */
  placingPrepositions: list('English prepositions', ['on', 'in', 'from', 'at']),
  /** Verbs by which the candidate reports finding someone else's act: "I found a contractor had dropped ...". */
  discoveryVerbs: list('English verbs of discovery and perception', [
    'found', 'discovered', 'noticed', 'saw', 'spotted', 'realised', 'realized', 'learned', 'learnt', 'heard', 'watched', 'inherited',
    'find', 'discover', 'notice', 'see', 'spot', 'realise', 'realize', 'learn', 'hear', 'watch', 'inherit',
  ]),

  /** Proposers that may take the candidate in ("the team", "the room"): as a subject, not someone else's act. */
  collectives: list('English collective nouns of a workplace', [
    'team', 'teams', 'room', 'consensus', 'org', 'company', 'studio', 'squad', 'group', 'business', 'people', 'everyone', 'everybody',
  ]),

  /** The candidate weighing an option: what follows was thought about, not done ("I considered purging the backlog"). */
  weighing: list('English verbs of deliberation', [
    'considered', 'thought about', 'thought of', 'weighed', 'debated', 'toyed with', 'contemplated', 'entertained', 'mulled',
    'mulled over', 'discussed', 'talked about', 'looked at doing', 'briefly considered', 'floated',
  ]),

  /** A practice the candidate tells as given up ("I used to ...; I stopped"), said after "used to". */
  pastHabit: list('English past habitual auxiliary', ['used to']),
  habitEnded: list('English adverbs of a practice given up', ['no longer', 'anymore', 'any more', 'not since']),

  /** Subject pronouns of a person: after one, a "without" or "rather than" phrase has ended ("without a second thought I wiped it"). */
  personalSubjects: list('English personal subject pronouns', ['i', 'we', 'they', 'he', 'she']),
  /** Words after which a subject pronoun does not open a clause of its own: "not that I", "nor did we". */
  beforeInvertedSubject: list('English auxiliaries (subject-auxiliary inversion) and the complementiser "that"', [
    'that', 'did', 'do', 'does', 'have', 'had', 'could', 'would', 'should', 'can', 'will', 'was', 'were', 'am', 'is', 'are',
  ]),

  /** Verbs that make what follows a proposal, not a deed. */
  proposing: list('English verbs of proposal and intention', [
    'wanted', 'want', 'wants', 'suggested', 'suggests', 'proposed', 'proposes', 'pushed for', 'pushes for', 'pushed to', 'asked us to',
    'asked me to', 'asked for', 'insisted', 'insists', 'urged', 'planned to', 'plans to', 'was going to', 'were going to', 'was tempted',
    'were tempted', 'expected us to', 'expected me to', 'argued for', 'lobbied for', 'floated', 'recommended', 'recommends',
    'said we should', 'thought we should', 'told us to', 'told me to', 'would rather', 'preferred', 'voted for', 'pitched', 'mandated',
  ]),
  /** Someone else's words reported: what they say is theirs, not the candidate's act (read with the verbs of proposal). */
  reportedSpeech: list('English verbs of saying and planning, reported', [
    'said', 'says', 'say', 'told us', 'told me', 'asked', 'had a plan', 'had planned', 'came with a plan', 'had the idea',
  ]),

  /** Nouns of a plan that is not yet anyone's deed, when followed by "was" or "is" ("the plan was to ..."). */
  plans: list('English nouns of proposal', [
    'plan', 'instinct', 'proposal', 'suggestion', 'idea', 'ask', 'request', 'default', 'consensus', 'expectation', 'shortcut', 'pressure',
    'temptation', 'pitch', 'push', 'usual approach', 'usual way', 'usual plan', 'usual practice', 'usual process', 'habit', 'norm',
    'tradition', 'playbook', 'take', 'view', 'position', 'argument', 'thinking', 'attitude', 'stance', 'opinion', 'reasoning', 'logic',
    'line',
  ]),

  /** Words by which the candidate takes someone else's proposal up as their own. */
  takeUp: list('observed interview phrasing: agreeing to a proposal', [
    'agreed', 'i agreed', 'we agreed', 'went along', 'went with it', 'we did', 'i did', 'signed off', 'i signed off', 'fine by me', 'made sense to me',
    'that is what i did', 'that is what we did', 'so i did', 'so we did', 'and i did', 'and we did', 'i went with', 'we went with',
  ]),

  /** The candidate's own passing urge, named as such: what follows was felt, not done. */
  temptation: list('observed interview phrasing: an urge named and set aside', [
    'the instinct to', 'had the instinct', 'my instinct was', 'my first instinct', 'first instinct', 'i was tempted', 'tempted to',
    'part of me wanted', 'i was thinking', 'first i was thinking', 'at first i thought', 'i first thought', 'my gut said', 'it was tempting',
    'it is tempting', 'the urge to', 'i felt the urge',
  ]),

  /**
   * Options named before their content, beside the plan nouns and verbs of proposing: "easy
   * option: route our alerts to the infra pager", "I got offered the ops-owns-prod shortcut".
   * Turned down in the next breath, the option was not done.
   */
  optionFrames: list('observed interview phrasing: an option named before its content', [
    'easy option', 'obvious option', 'quick option', 'quicker option', 'faster option', 'cheaper option', 'easy path', 'easy to',
    'it would have been easy', 'got offered', 'was offered', 'offered to', 'was asked to',
  ]),
  /** A reply that opens by turning the option down: "Declined.", "Didn't.", "No." */
  refusalOpeners: list('English refusals that open a reply', ['declined', 'refused', 'did not', 'no', 'nope', 'not a chance', 'i did not', 'we did not']),
  /** Words that link a reply to the option before it: "but I declined", ", and I said no". */
  replyLinks: list('English conjunctions and marks', ['but', 'so', 'and', ',']),
  /** Moves that go against an option just named: "I argued for a capacity model instead", "I held out for dual reads". */
  contraryMoves: list('English verbs of arguing, holding out and proposing otherwise', [
    'argued', 'held out', 'insisted', 'asked for', 'proposed', 'suggested', 'offered', 'pushed for',
    'chose not to', 'decided not to', 'decided against',
  ]),
  /**
   * The candidate's objection to what someone else did or meant to do, told as their next move
   * (beside the verbs of pushing back): "I flagged it to my manager", "I raised it with their
   * lead", "I stopped him", "I called it out".
   */
  objections: list('English verbs of raising a concern and stepping in, with what they point back to', [
    'raised it', 'raised this', 'raised that', 'raised the issue', 'raised a concern', 'raised concerns', 'raised my concern',
    'flagged it', 'flagged this', 'flagged that', 'flagged the', 'called it out', 'called that out', 'called this out',
    'challenged it', 'challenged that', 'challenged him', 'challenged her', 'challenged them', 'questioned it', 'questioned that',
    'stopped him', 'stopped her', 'spoke up', 'pointed out', 'asked him to stop', 'asked her to stop', 'asked them to stop', 'kept raising', 'commented that', 'got it corrected', 'got it changed',
    'had it corrected', 'corrected it', 'corrected the', 'reversed it', 'undid it', 'cut that', 'cut it',
  ]),
  /**
   * Times that place what follows in the candidate's present, against the story told before it:
   * "Now I put the numbers on the first page", "these days we page on symptoms only".
   */
  lessonTimes: list('English adverbs of present time and of time since an event', [
    'now', 'today', 'these days', 'nowadays', 'ever since', 'from that day on',
  ]),
  /** Words before "now" that make it a point or a stretch of time, not a practice: "by now", "five times now", "for years now". */
  nowAsDuration: list('English prepositions and units of time before "now"', [
    'by', 'until', 'till', 'for', 'right', 'just', 'even', 'than', 'times', 'years', 'months', 'weeks', 'days', 'while',
  ]),
  /**
   * Words that tell a rule kept, after a time of the present that opens its clause: "these days a
   * service isn't done *until* I've written how to run it", "now *every* page has to map to an action".
   */
  practiceWords: list('English quantifiers and adverbs of a standing rule', [
    'every', 'each', 'any', 'always', 'first', 'before', 'until', 'only', 'must', 'has to', 'have to',
  ]),
  /** Subjects after "now" that tell how things stand, not a practice: "now everything gets through", "now it holds". */
  stateSubjects: list('English pronouns of things and states', ['it', 'everything', 'things', 'nothing', 'all', 'that', 'this']),
  /** Words after a time of the present that say the practice goes on unchanged ("now we still page on everything"). */
  unchanged: list('English adverbs of continuation', ['still', 'also', 'too', 'again', 'just']),
  /** Words that make the time a reason, not a present practice ("now that we had the numbers"). */
  timeAsReason: list('English complementisers after "now"', ['that']),
  /** Words that tell the option went ahead all the same: "I argued, but we skipped it anyway". */
  optionWentAhead: list('English adverbs and verbs of being overruled', ['anyway', 'regardless', 'overruled', 'lost', 'still went', 'went ahead']),

  /** An urge named after the option it was for, in the same sentence ("..., and I was tempted"). */
  temptedAfter: list('observed interview phrasing: an urge named after its object', [
    'i was tempted', 'we were tempted', 'i was sorely tempted', 'it was tempting', 'i felt the pull', 'i felt the urge',
  ]),

  /** Phrases that look back on the candidate's own act with regret and a lesson. */
  regret: list('observed interview phrasing: self-correction and hindsight', [
    ...OWNING_UP,
    'regret', 'the lesson', 'a lesson', 'lesson i', 'never again', 'next time i',
    'next time we', 'a mistake', 'the wrong call', 'was the wrong call', 'that was wrong', 'so now i', 'so now we', 'now i always',
    'now we always', 'these days i', 'since then i', 'since then we', 'the part i got wrong', 'i waited too long',
    'we waited too long', 'i was too slow', 'we were too slow', 'too late to', 'what i would change',
    // a practice disowned in so many words after it is told
    'would not do that again', 'never do that again', 'would not start that way again', 'changed my approach',
    'that was a waste', 'that was careless', 'careless of me', 'that was dumb', 'which was dumb', 'i would undo', 'lesson learned', 'the worst trade', 'the worst call', 'which was embarrassing',
    'that was embarrassing',
    // a view the candidate says they held once: told as one they no longer hold
    'i used to think', 'i used to believe', 'i used to say', 'we used to think', 'i used to treat', 'i once thought',
    // an act placed in the candidate's past, with the practice they hold now
    'early in my career i', 'years ago i', 'back then i', 'for years i', 'for a long time i', 'i now insist', 'now i insist',
    'now i start', 'i now start', 'i now design', 'now i design', 'i am much more', 'changed my mind', 'changed how we',
  ]),

  /**
   * What should have been done: regret when the candidate or nobody named is its subject ("I
   * should have paged", "should have asked sooner"); blame when someone else is ("ops should have
   * caught it").
   */
  regretModals: list('English perfect modals of obligation', ['should have', 'should not have', 'ought to have', 'ought not to have']),

  /**
   * The candidate owning up to their own part, anywhere in the answer: "looking back", "I'm not so
   * proud of this one", "I had to admit it". A story told with one of these is a regret story: a red
   * flag in it is the candidate's own past act, looked back on, not a practice they stand by. No
   * lesson words here ("now I always", "the lesson"): those also close stories told with pride.
   */
  owningUp: list("observed interview phrasing: self-criticism and hindsight about one's own part", OWNING_UP),
  /** Owning up only where the phrase ends its clause: "and I own that." owns up; "a service I own that way" does not. */
  owningUpAtClauseEnd: list("observed interview phrasing: owning one's part, said last", ['i own that', 'i owned that', 'i own it', 'i owned it', 'that was on me']),

  /**
   * Phrases that frame what follows as a view rather than an event: "for me it is really about X,
   * Y and Z", "I'm a big believer in ...". Followed by a list of terms, the sentence is a recital.
   */
  framing: list('observed interview phrasing: stating a philosophy instead of telling a story', [
    'for me', 'it is about', 'it is all about', 'is really about', 'is all about', 'is about', 'comes down to', 'boils down to',
    'i am a big believer in', 'i am a believer in', 'big believer in', 'i believe in', 'we believe in', 'we really believe in',
    'my philosophy', 'the philosophy', 'my approach', 'my approach is', 'the mindset', 'my mindset', 'i focus on', 'we focus on',
    'it is knowing', 'you want', 'you need', 'is key', 'is everything', 'is the whole job', 'the key is', 'the keys are', 'it means',
    'my principles', 'i always try to think about', 'i always think about', 'i care about', 'i am passionate about', 'i value',
  ]),

  /** What follows an "it" that stands for no one: "it turned out", "it seemed", "it was decided to". */
  dummyIt: list('English impersonal constructions with a dummy subject', [
    'turned out', 'turns out', 'seems', 'seemed', 'appears', 'appeared', 'looks like', 'looked like', 'was decided', 'is decided',
    'was agreed', 'is agreed', 'was clear', 'is clear', 'became clear', 'was time', 'is time', 'happened that', 'was obvious', 'is obvious',
  ]),
  /** Auxiliaries of the passive: "the release *was* declined by my manager". */
  passiveAuxiliaries: list('English passive auxiliaries', ['was', 'were', 'been', 'being', 'is', 'are', 'got', 'get']),
  /** Participles of consent: "my plan was approved by the director" leaves the plan the candidate's. */
  consentParticiples: list('English participles of approving', [
    'approved', 'accepted', 'agreed', 'signed', 'endorsed', 'backed', 'reviewed', 'okayed', 'supported', 'welcomed', 'adopted',
    'praised', 'checked', 'tested', 'used', 'read', 'seen', 'helped', 'asked', 'requested', 'questioned', 'challenged',
  ]),
  /** Someone else as the object of a preposition: "it was picked up *by her*". */
  otherPeopleObjects: list('English third-person object pronouns', ['him', 'her', 'them']),
  /** Workplace roles beyond those that propose: the agent of an act told in the passive ("by a product analyst"). */
  otherRoles: list('English workplace roles', [
    'analyst', 'analysts', 'designer', 'designers', 'producer', 'producers', 'scientist', 'scientists', 'specialist', 'specialists',
    'officer', 'officers', 'administrator', 'administrators', 'consultant', 'consultants', 'staffer', 'head', 'chief', 'supervisor',
    'em', 'ems', 'hire', 'hires', 'joiner', 'joiners', 'newcomer', 'newcomers', 'junior', 'juniors',
  ]),
  /** The candidate saying they stood outside what someone else did: "I wasn't involved", "I had nothing to do with it". */
  bystander: list('English phrases of non-involvement', [
    'i was not involved', 'i was never involved', 'i had nothing to do with', 'i had no say', 'i was never in', 'i just implemented',
    'i only implemented', 'i just inherited', 'i only inherited', 'i did not touch', 'i never touched', 'i was just one of',
    'i was only one of', 'i was on a different', 'i was on another', 'that is her thing', 'that is his thing', 'that is their thing',
    'i only heard', 'i was just told', 'i just got told', 'none of it was mine', 'none of the work was mine', 'my team had nothing',
    'without me', 'i heard about it', 'i heard about that', 'i took their word', 'i took her word', 'i took his word', 'i was on leave', 'i was on holiday', 'i was away',
    'i only read', 'i just read', 'i only saw', 'i never saw', 'i never looked', 'i did not look', 'i was not part of', 'i was not in',
    // the candidate's own part told as elsewhere or as watching ("I just ...", "I didn't work on it"
    // are read by their shape, not listed)
    'i had gone on to', 'i had moved on to', 'i had already moved on', 'i was in the room', 'i followed along', 'i watched how',
    'i was consulted', 'they did the work', 'she did the work', 'he did the work',
  ]),
  /**
   * Verbs of taking part that, negated after "I", set the candidate's own part apart from someone
   * else's act just told: "I didn't work on any of it", "I never looked at the comparison", "I
   * didn't set anything up myself", "I didn't say a word".
   */
  takingPart: list('English verbs of taking part, looking and contributing', [
    'work', 'worked', 'set', 'do', 'did', 'touch', 'touched', 'look', 'looked', 'write', 'wrote', 'build', 'built', 'say', 'said',
    'help', 'helped', 'contribute', 'contributed', 'join', 'joined', 'attend', 'attended', 'use', 'used', 'check',
    'checked', 'read', 'open', 'opened', 'run', 'ran', 'take', 'took',
  ]),
  /**
   * Openers of hearsay: what follows in the clause is someone else's word ("my lead told me the peak
   * went fine", "according to the data team nothing was lost"), not the candidate's own finding.
   */
  hearsay: list('English evidential and reporting phrases', [
    'according to', 'told me', 'told us', 'i heard that', 'we heard that', 'i later heard', 'i heard later', 'i heard afterwards',
    'i was told', 'we were told', 'i am told', 'apparently', 'reportedly', 'i gathered that', 'i was informed', 'i read that',
  ]),
  /** What something is said to be someone else's: "the double writes were my lead's idea". */
  othersShare: list('English nouns of ownership of work', [
    'work', 'job', 'idea', 'call', 'project', 'doing', 'baby', 'decision', 'thing', 'responsibility', 'area', 'domain', 'initiative', 'plan',
  ]),
  /** A judgement that an act was not worth doing: "a second load test seemed overkill". */
  dismissals: list('observed interview phrasing: an act judged not worth doing', [
    'pointless', 'overkill', 'a waste of time', 'waste of time', 'wasted effort', 'not worth', 'unnecessary', 'a luxury', 'paranoid',
    'over the top', 'overcautious', 'over engineering', 'over engineered', 'gold plating', 'not needed', 'busywork',
  ]),
  /** Nouns of a group that, after "the" and a word naming it, is some other team: "the infra team". */
  groupNouns: list('English collective nouns of a working group', ['team', 'group', 'squad']),
  /** Agents of a negated passive that leave it no one's act: "never tracked by anyone". */
  anyoneAgents: list('English indefinite pronouns for people', ['anyone', 'anybody', 'nobody']),
  /** Words after a passive's agent that end its noun phrase: "by my lead *who* ...", "by the SRE *at* the time". */
  agentEnds: list('English prepositions, subordinators and adverbs', [
    'who', 'at', 'to', 'after', 'before', 'when', 'while', 'because', 'since', 'as', 'over', 'during', 'within', 'through', 'without',
    'later', 'earlier', 'then', 'once', 'last', 'instead', 'again', 'too', 'overnight', 'alone', 'herself', 'himself', 'themselves',
  ]),
  /** Participles of a decision made with no one named: "it was decided to" is the candidate's side deciding. */
  impersonalDecisions: list('English participles of deciding', ['decided', 'agreed']),

  /** Subjects that are the candidate. */
  speaker: list('English first-person singular pronouns', ['i', 'me', 'my', 'myself']),
  /** Subjects that are the candidate's team. */
  team: list('English first-person plural pronouns', ['we', 'us', 'our', 'ourselves', 'let us']),
  /** Subjects that are someone else. */
  others: list('English third-person and second-person pronouns', ['you', 'they', 'he', 'she', 'it', 'someone', 'people', 'everyone', 'somebody']),

  /** Modals that imagine or weigh: the clause muses. */
  possible: list('English epistemic modals and adverbs', ['could', 'might', 'may', 'maybe', 'perhaps', 'possibly', 'probably']),
  /** Modals of a decision made now or about to be. */
  planned: list('English future and deontic auxiliaries', ['will', 'shall', 'going', 'gonna', 'must', 'need', 'want', 'should', 'have to', 'let us', 'am', 'are']),
  /** Modals that say what one would do. */
  would: list('English conditional auxiliary', ['would']),
  /** Perfect modals: what should have been done. */
  shouldHave: list('English perfect modals', ['should have', 'could have', 'would have', 'might have', 'ought to have']),

  /** Words that may come before the verb of an imperative or after a subject without changing it. */
  fillers: list('discourse markers and adverbs seen before a verb', [
    'please', 'just', 'now', 'first', 'firstly', 'then', 'next', 'ok', 'okay', 'so', 'also', 'and', 'right', 'quickly', 'immediately',
    'straight', 'away', 'actually', 'definitely', 'really', 'still', 'well', 'alright', 'sure', 'step', 'one', 'two', 'three', 'to', 'try',
    'go', 'ahead', 'honestly', 'oh', 'hmm', 'hm', 'yes', 'yeah', 'asap',
    // sequence and simultaneity: "meanwhile I'll lower retention", "finally I'd page the owner"
    'meanwhile', 'meantime', 'afterwards', 'afterward', 'finally', 'lastly', 'secondly', 'thirdly', 'additionally', 'separately',
    'simultaneously', 'concurrently',
  ]),

  /** Verbs that change the system: the grammar of an action, each with the direction it moves a setting. */
  actionVerbs: list('on-call runbook verbs', [
    'set', 'cap', 'limit', 'throttle', 'lower', 'reduce', 'decrease', 'raise', 'increase', 'bump', 'enable', 'disable', 'turn', 'switch',
    'flip', 'toggle', 'roll', 'rollback', 'revert', 'undo', 'drain', 'scale', 'restart', 'bounce', 'recycle', 'redeploy', 'fail', 'failover',
    'page', 'call', 'ring', 'phone', 'wake', 'ping', 'declare', 'post', 'send', 'tell', 'notify', 'inform', 'update', 'contact', 'escalate',
    'lift', 'remove', 'apply', 'add', 'put', 'shed', 'block', 'pause', 'stop', 'kill', 'move', 'shift', 'route', 'reroute', 'promote',
    'failback', 'trip', 'expand', 'grow', 'delete', 'purge', 'clear', 'free', 'resize', 'extend', 'silence', 'ack', 'acknowledge', 'mute',
    'rate', 'loop', 'bring', 'get', 'pull', 'open', 'start', 'write', 'message', 'email', 'hand', 'assign', 'spin', 'deploy', 'ship',
    'disconnect', 'evict', 'cordon', 'double', 'halt', 'shard', 'rebalance', 'reassign', 'migrate', 'merge', 'group', 'reconcile',
    'lock', 'freeze', 'reply', 'respond', 'tune', 'terminate', 'repair', 'backfill', 'combine', 'do', 'run', 'perform', 'trigger',
    'execute', 'initiate', 'make', 'let', 'retry', 'replay', 'reprocess', 'resume', 'suspend', 'unfreeze', 'isolate', 'kick', 'shut',
  ]),

  /** Prepositions after which an "-ed" word describes a noun ("on shared goals", "with dedicated hosts"), not an act. */
  nounPrepositions: list('English prepositions', ['on', 'of', 'in', 'with', 'for', 'by', 'from', 'into', 'about', 'between', 'across', 'under']),
  /** Adverbs of habit: "I've always pushed for it" tells a practice, not something that happened. */
  habitual: list('English adverbs of frequency', ['always', 'usually', 'generally', 'typically', 'normally', 'often', 'constantly', 'regularly']),

  /** Determiners of a recurring time: "every Monday", "each sprint". */
  recurring: list('English distributive determiners', ['every', 'each']),
  /** Times that recur, after "every" or "each": "every Monday I'd go through the alerts" tells a habit. */
  recurringTimes: list('English nouns of days, parts of a day, calendar and team cadences', [
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morning', 'afternoon', 'evening', 'night', 'day',
    'week', 'weekend', 'fortnight', 'month', 'quarter', 'year', 'sprint', 'release', 'deploy', 'deployment', 'shift', 'rotation',
    'handover', 'handoff', 'standup', 'retro', 'retrospective', 'incident', 'outage', 'launch', 'cycle', 'iteration', 'review',
  ]),
  /** Days named in the plural after "on": "on Mondays I'd ...". */
  recurringDays: list('English weekday names, plural', ['mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays']),

  /** Openers of a clause of repeated past time: "whenever it paged, we'd restart it" tells a habit. */
  habitualOpeners: list('English subordinators of repeated time', ['when', 'whenever', 'every time', 'each time', 'any time', 'anytime']),

  /** Words that open a noun phrase. */
  determiners: list('English determiners', ['a', 'an', 'the', 'this', 'that', 'these', 'those', 'every', 'each', 'some', 'any', 'its', 'their', 'his', 'her', 'my', 'our']),

  /** Words that often follow a verb and seldom a noun: a determiner, a particle, an adverb. */
  afterVerb: list('English determiners, particles and degree adverbs', [
    'the', 'a', 'an', 'this', 'that', 'it', 'them', 'us', 'to', 'into', 'up', 'out', 'down', 'off', 'just', 'more', 'less', 'all', 'every',
    'our', 'their', 'its', 'away', 'back', 'over', 'faster', 'slower', 'again',
  ]),

  /** Verbs that judge a subject ("X would help", "X takes six minutes", "X seems like overkill"). */
  judging: list('English modals and verbs of evaluation', [
    'would', 'will', 'could', 'might', 'takes', 'took', 'seems', 'seemed', 'means', 'meant', 'costs', 'has', 'feels', 'sounds', 'is', 'was',
  ]),

  /** Copulas and modals that make the word before them a subject. */
  copulas: list('English copulas and modals', ['is', 'was', 'are', 'were', 'would', 'will', 'seems', 'sounds', 'looks', 'takes', 'means', 'could', 'might', 'has']),

  /** Words of quantity: they open a noun phrase, never an imperative. */
  quantifiers: list('English quantifiers', ['more', 'less', 'most', 'least', 'few', 'fewer', 'many', 'much', 'other', 'another', 'several', 'both', 'either', 'whole']),

  /** Words ending in -ing that are not verbs. */
  notGerunds: list('English nouns and pronouns ending in -ing', [
    'anything', 'nothing', 'something', 'everything', 'thing', 'things', 'morning', 'evening', 'ceiling', 'string', 'during', 'spring',
    'building', 'setting', 'settings', 'warning', 'warnings', 'logging', 'timing', 'pricing', 'routing', 'pending', 'ingress', 'king',
  ]),

  /** Verbs in the past tense that say something was done. */
  /** Irregular past participles: "we'd been", "I'd written" are "had", not "would". */
  pastParticiples: list('English irregular past participles', [
    'been', 'done', 'gone', 'seen', 'taken', 'given', 'written', 'known', 'shown', 'made', 'had', 'got', 'gotten', 'put', 'set', 'run',
    'sent', 'told', 'built', 'spent', 'left', 'lost', 'kept', 'found', 'thought', 'brought', 'bought', 'caught', 'taught', 'said', 'read',
    'heard', 'held', 'led', 'met', 'paid', 'shut', 'split', 'spun', 'stood', 'understood', 'won', 'begun', 'broken', 'chosen', 'driven',
    'fallen', 'forgotten', 'frozen', 'grown', 'hidden', 'ridden', 'risen', 'shipped', 'spoken', 'stolen', 'thrown', 'woken', 'worn',
    // regular, but spelled like "need" and "proceed", which an "'d" leaves as "would"
    'agreed', 'guaranteed',
  ]),
  /** Adverbs that may stand between "had" and its participle ("we'd already agreed"). */
  perfectAdverbs: list('English adverbs of time and degree', ['already', 'just', 'never', 'not', 'always', 'also', 'all', 'only', 'since', 'ever', 'both']),
  /** Copulas and auxiliaries that make a statement about a thing ("the bottleneck is the partner"). */
  statementVerbs: list('English copulas and stative verbs', [
    'is', 'are', 'was', 'were', 'be', 'been', 'seems', 'seem', 'looks', 'look', 'sounds', 'appears', 'has', 'have', 'had', 'does', 'do',
    'did', 'would', 'will', 'could', 'might', 'may', 'can', 'should', 'shipped', 'started', 'happened', 'means', 'uses', 'use', 'goes',
    'went', 'came', 'comes', 'keeps', 'stays', 'gets', 'got', 'grows', 'grew', 'drops', 'dropped',
  ]),

  // --- the scorer's tokens: negation and hypothetical scope (src/scoring/analyze.ts) ---

  /** One-word negation triggers: a few words after one are negated (the scorer's tokens and patterns). */
  negations: list('NegEx negation triggers (Chapman et al. 2001), single words', [
    'not', 'no', 'never', 'without', 'nobody', 'nothing', 'none', 'neither', 'nor',
  ]),

  /** Adverbs that may stand between a negator and its verb ("never once skipped", "didn't even skip"). */
  negationAdverbs: list('English adverbs of degree and frequency that sit after a negator', [
    'ever', 'once', 'really', 'even', 'actually', 'just', 'simply', 'always',
  ]),

  /** A negator followed by one of these negates nothing after it ("not only", "no doubt"). */
  pseudoNegations: list('NegEx pseudo-negation triggers (Chapman et al. 2001)', [
    'not only', 'not just', 'not merely', 'not simply', 'not necessarily', 'no doubt', 'no matter',
  ]),

  /** Words that end a negation or hypothetical scope: a new clause starts. */
  scopeEnds: list('NegEx scope terminators (Chapman et al. 2001): conjunctions that open a new clause', [
    'but', 'however', 'although', 'though', 'yet', 'so', 'because', 'while', 'whereas', 'except', 'which', 'until',
  ]),

  /** Past-tense verbs that report a finding: "the test showed the database would hit its limit". */
  findingVerbs: list('English verbs of finding and reporting a result, past tense', [
    'showed', 'shown', 'found', 'revealed', 'proved', 'confirmed', 'predicted', 'projected', 'indicated',
    'demonstrated', 'meant', 'estimated', 'calculated', 'measured', 'told', 'warned', 'realized', 'realised', 'learned', 'learnt',
  ]),

  /** Conditions that imagine what they govern: "what would happen if the cache went cold" (not "when", "once": those tell time). */
  imaginedConditions: list('English conditional subordinators of supposition', [
    'if', 'unless', 'suppose', 'supposing', 'assuming', 'in case', 'even if', 'provided', 'otherwise',
  ]),

  /** Past-tense verbs of saying and deciding: "I said we'd share the rotation" tells what was said, not what is imagined. */
  pastSayings: list('English verbs of saying, promising and deciding, past tense', [
    'said', 'agreed', 'decided', 'promised', 'explained', 'replied', 'answered', 'wrote', 'announced', 'committed',
  ]),

  /** Past-tense verbs of belief: "we assumed the DB would handle it" tells what was believed, not what is imagined. */
  pastBeliefs: list('English verbs of belief and expectation, past tense', [
    'assumed', 'figured', 'thought', 'expected', 'believed', 'reckoned', 'trusted', 'presumed', 'supposed', 'guessed', 'bet', 'hoped',
    'counted', 'banked',
  ]),

  /**
   * Someone who can act in a story: the candidate, their team, another person. A sentence with
   * one of them can tell what was done; without, it states a view.
   */
  agents: list('English personal pronouns and the workplace nouns most often a subject in interview answers', [
    'i', 'we', 'me', 'my', 'our', 'us', 'myself', 'ourselves', 'team', 'they', 'he', 'she', 'engineer', 'engineers',
  ]),

  /** The subjects of the candidate's own story: "I" and "we". */
  firstPersonSubjects: list('English first-person subject pronouns', ['i', 'we']),

  /** Number words: "two regions", "half the fleet". "one" is left out: far more often a pronoun ("this one"). */
  numberWords: list('English cardinal number words and multipliers', [
    'zero', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
    'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen',
    'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
    'hundred', 'thousand', 'million', 'billion', 'half', 'dozen', 'twice', 'thrice', 'double', 'triple',
  ]),

  /** Abbreviations whose full stop does not end a sentence (written without their last dot). */
  abbreviations: list('English abbreviations common in technical prose', ['e.g', 'i.e', 'eg', 'ie', 'etc', 'vs', 'approx', 'cf', 'mr', 'mrs', 'dr', 'al', 'inc', 'ltd']),

  /**
   * Short words that are also the Porter stem of an unrelated word: "us" (use, used), "at" (ate),
   * "on" (one), "ad" (added), "it" (its), "up" (ups), "our" (ours). Each gets a stem of its own.
   */
  ownStem: list('Porter stemmer collisions of short function words', ['us', 'at', 'on', 'ad', 'it', 'up', 'our']),

  // --- the scorer's salad and story judgements (src/scoring/score.ts) ---

  /** Words that join a sentence together; a recited list of terms has almost none of them. */
  functionWords: list('English articles, prepositions, conjunctions, pronouns and auxiliaries', [
    'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'into', 'than', 'then', 'as', 'so',
    'that', 'this', 'it', 'its', 'i', 'we', 'my', 'our', 'me', 'us', 'you', 'they', 'he', 'she', 'was', 'were', 'is', 'are', 'be', 'been',
    'had', 'has', 'have', 'did', 'do', 'not', 'no',
  ]),

  /** Irregular past tenses of the verbs a story is told with: "we wrote", "I led". */
  irregularPast: list('English irregular past tenses of main verbs', [
    'wrote', 'rewrote', 'built', 'ran', 'led', 'took', 'made', 'saw', 'found', 'told', 'sent', 'got', 'gave', 'kept',
    'brought', 'caught', 'chose', 'drove', 'paid', 'spent', 'stood', 'thought', 'understood', 'went', 'won',
    'began', 'broke', 'fell', 'felt', 'held', 'knew', 'lost', 'met', 'rode', 'shot', 'sold', 'spoke', 'stuck', 'struck', 'swept',
    'taught', 'threw', 'woke', 'ate', 'bought', 'came', 'dealt', 'drew', 'fed', 'fought', 'flew', 'forgot', 'froze', 'grew',
    'heard', 'hid', 'left', 'lent', 'meant', 'rang', 'rose', 'said', 'sought', 'shook', 'sat', 'slept', 'stole', 'swore', 'tore',
    'undid', 'withdrew', 'wore', 'rebuilt', 'overrode', 'sank', 'hung', 'bent', 'dug', 'slid', 'spun', 'wound',
  ]),
  /** Past tenses spelled like the present: past only after a subject ("we set a cap", not "set a cap"). */
  pastOrPresent: list('English verbs whose past tense is their base form', ['set', 'put', 'split', 'cut', 'hit', 'let', 'shut', 'spread']),

  /** Past forms of the auxiliaries: "we were paging them", "I had written the runbook". */
  pastAuxiliaries: list('English past-tense auxiliaries and light verbs', ['was', 'were', 'had', 'did', 'got', 'went', 'came', 'used']),

  // --- the clause reader's verb group (src/language/clauses.ts) ---

  /** What stands between a subject and the "not" or "never" of its verb. */
  negatedAuxiliaries: list('English auxiliaries and modals, with pre-verbal adverbs', [
    'will', 'would', 'did', 'do', 'does', 'could', 'can', 'should', 'shall', 'might', 'may', 'must', 'was', 'were', 'is', 'are', 'has', 'have',
    'had', 'not', 'never', 'just', 'even', 'really', 'ever', 'also', 'still', 'simply',
  ]),
  /** Words between a subject and its verb: auxiliaries, modals and adverbs ("we'd probably just restart"). */
  auxiliaries: list('English auxiliaries, modals and pre-verbal adverbs', [
    'would', 'will', 'shall', 'am', 'is', 'are', 'was', 'were', 'going', 'to', 'want', 'need', 'have', 'has', 'had', 'do', 'does', 'did',
    'not', 'should', 'must', 'can', 'could', 'might', 'may', 'be', 'been', 'gonna', 'like', 'try', 'also', 'then', 'first', 'just', 'now',
    'probably', 'definitely', 'immediately', 'quickly', 'actually', 'still', 'really', 'already', 'never', 'ok', 'okay', 'let', 'us', 'me',
    'start', 'go', 'ahead', 'and', 'get', 'maybe', 'perhaps',
  ]),

  /** The forms of "be". */
  be: list('English forms of the copula', ['am', 'is', 'are', 'was', 'were', 'be', 'been']),

  /** Auxiliaries of intent: "I'm going to", "we are about to" make a decision of what follows. */
  intent: list('English auxiliaries of intention and obligation', ['going', 'to', 'will', 'would', 'want', 'need', 'have', 'gonna', 'should', 'must']),

  /** Openers after which an act is put off: "roll back once the logs are in". */
  deferring: list('English temporal and conditional subordinators of a later event', ['after', 'once', 'when', 'whenever', 'if', 'unless']),

  // --- the stance reader (src/language/stance.ts) ---

  /** Words that end a clause: what comes after stands on its own ("I wanted to, but I didn't"). */
  clauseBreaks: list('English coordinators and subordinators that open a clause of its own', [
    'but', 'so', 'because', 'although', 'though', 'however', 'whereas', 'until', 'then',
  ]),

  /** Subjects that open a clause of their own after "and" or "or": "we didn't load test, and it fell over". */
  newSubjects: list('English subject pronouns and pronominal subjects', [
    'i', 'we', 'it', 'they', 'he', 'she', 'you', 'that', 'this', 'there', 'everything', 'nothing',
  ]),

  // --- the act reader (src/language/act.ts) ---

  /** Words by which a beat's own pattern spells owning up: regret or a wish is then its act ("my mistake", "I should have"). */
  owningUpWords: list('English vocabulary of admitting a fault and drawing a lesson', [
    'mistake', 'mistakes', 'lesson', 'lessons', 'my fault', 'our fault', 'regret', 'hindsight', 'proud', 'should have', 'got it wrong', 'i was wrong', 'we were wrong',
  ]),

  /** Subjects that say nobody did it: "nobody checked", "no one asked". */
  noneDid: list('English negative indefinite pronouns for people', ['nobody', 'no one', 'none of us']),

  /** Coordinators and adverbs of contrast: "I planned it, but it slipped". */
  contrast: list('English adversative conjunctions', ['but', 'though', 'although', 'however', 'yet']),

  /** A wish for an act not done, before it: "I wish I had checked", "I'd have liked to weigh it". */
  wishedFor: list('English optative and past-counterfactual constructions', [
    'i wish', 'i wished', 'we wish', 'i should have', 'we should have', 'i ought to have', 'i would have liked', 'i would have loved', 'i would have wanted',
    // the ideal that did not happen: "ideally we'd have split the write path before launch"
    'ideally we would', 'ideally i would', 'ideally we should', 'ideally i should',
  ]),

  /** An intent or a plan told in the past, before the act it meant: "I wanted to", "I had put it on the roadmap". */
  pastIntent: list('English past-tense verbs and nouns of intention, proposal and scheduling', [
    'wanted', 'meant to', 'meaning to', 'intended', 'planned', 'hoped', 'had hoped', 'was going to', 'were going to',
    'supposed to', 'thought about', 'thought we should', 'thought someone should', 'kept saying', 'agreed to', 'considered', 'proposed', 'suggested', 'floated', 'offered', 'scheduled', 'a proposal',
    'a design', 'a plan', 'a note', 'on the plan', 'on the roadmap', 'in my goals', 'in our goals', 'drafted', 'sketched',
    'my plan', 'our plan', 'the plan', 'my intention', 'our intention', 'intention was', 'in my mind to',
    'promised to', 'had a plan', 'had the plan', 'was my plan', 'was the plan', 'was my intention', 'on my list', 'on my to-do list',
  ]),

  /**
   * Nouns of a plan tracked as work, next to the act they hold: "a ticket to forecast the traffic",
   * "a story on the board for a soak test". Like an intent, it is the act only if carried out.
   */
  planNouns: list('English nouns of tracked work items (issue trackers, boards, backlogs)', [
    'ticket', 'tickets', 'story', 'stories', 'item', 'items', 'action item', 'task', 'tasks', 'card', 'cards', 'todo', 'todos', 'epic',
    'jira', 'work item', 'backlog item',
  ]),

  /** What befell an intent that was not carried out: "it slipped", "we ran out of time", "it sat in the backlog". */
  unfulfilled: list('English verbs and idioms of a plan stalled or dropped', [
    'slipped', 'stalled', 'sat', 'backlog', 'deprioritised', 'deprioritized', 'ran out of time', 'run out of time', 'got pushed', 'kept getting pushed',
    'moot', 'cancelled', 'canceled', 'shelved', 'skipped', 'dropped', 'abandoned', 'kept slipping', 'got bumped', 'gathered dust',
    'collected dust', 'went stale', 'rotted', 'still open',
    'slid', 'kept sliding', 'stayed a proposal', 'stayed an idea', 'stayed a wish', 'stayed on paper', 'remained a proposal', 'remained an idea',
    'remained on paper',
    // the plan overtaken or let go: "but the launch came first", "but I forgot", "but I let it go"
    'forgot', 'let it go', 'let it slide', 'let it slip', 'let it drop', 'gave up on', 'fell through', 'fell off', 'no time', 'came first',
    'got in the way', 'took priority', 'went nowhere', 'came to nothing', 'fizzled', 'never materialised', 'never materialized',
    'died', 'got killed', 'was killed', 'got rejected', 'was rejected', 'got vetoed', 'was vetoed', 'turned down', 'overruled',
    'left it for', 'put it off', 'put off', 'postponed',
  ]),
  /**
   * A plan overtaken before it was done, told anywhere after it: "the quarter ended before I could",
   * "we launched before that ever happened", "the spreadsheet stayed empty".
   */
  overtaken: list('English idioms of a plan overtaken or left empty', [
    'before i could', 'before we could', 'before i had', 'before we had', 'before that ever happened', 'got eaten',
    'just sat there', 'still sitting', 'moved teams', 'changed teams', 'got busy', 'never approved', 'stayed empty',
    'remained empty', 'never got filled',
  ]),


  /** Negations that, after a plan's "but", tell it was not carried out: "but nobody did it", "but it never happened". */
  undone: list('English negators and negative pronouns (NegEx triggers)', ['never', 'not', 'nobody', 'no one', 'nothing', 'without']),

  /** Verbs that say a plan was carried out: negated after it ("that never got picked up"), it was not. */
  carriedOut: list('English verbs and idioms of taking up and completing work', [
    'done', 'did', 'do', 'picked', 'pick', 'happened', 'happen', 'started', 'start', 'finished', 'finish', 'completed', 'complete',
    'worked on', 'touched', 'prioritised', 'prioritized', 'got to', 'got round', 'got around', 'get to', 'get round', 'get around',
    'made it', 'landed', 'actioned', 'addressed', 'followed through', 'followed up', 'implemented', 'built', 'ran',
    'took', 'take', 'set up', 'shipped', 'ship', 'wrote', 'write', 'scheduled', 'found the time', 'found the hour',
  ]),

  /** Words that open a relative clause on what came just before: "a ticket to forecast it that never got picked up". */
  relatives: list('English relative pronouns for things', ['that', 'which']),
  /** Words before "team" that leave it the candidate's own: "the whole team", "the same team". */
  wholeTeam: list('English adjectives of entirety and sameness', ['whole', 'entire', 'full', 'same', 'rest', 'wider']),
  /** Pronouns that are someone else, and always a person: "she wrote the list". */
  thirdPersonPeople: list('English third-person singular personal pronouns', ['he', 'she']),
  /** What became of a plan that did not happen, told of the plan itself: "the failover never happened". */
  neverHappened: list('English idioms of an event that did not occur', ['never happened', 'never took place', 'never came about', 'never came']),
  /** Words that, after a negation, tell an outcome held rather than a plan dropped: "it never happened again". */
  heldOutcome: list('English adverbs of recurrence and time', ['again', 'since', 'after', 'afterwards', 'once']),
  /** "have" before a past form makes a perfect: "since then I've stopped" is a practice changed. */
  perfectAuxiliaries: list('English present perfect auxiliaries', ['have', 'has']),
  /** Perfects that tell how things turned out, not a practice: "since then we've had no pages", "we've been fine". */
  outcomePerfects: list('English past participles of have and be', ['had', 'been']),
  /** Present forms of "be" and "get" before a participle: a rule told in the passive ("spend *is* planned into the quarter"). */
  presentPassiveAuxiliaries: list('English present passive auxiliaries', ['is', 'are', 'gets', 'get', 'be']),
  /** Words that say a practice changed, before "now": "I listen a lot *more* now", "I do it *differently* now". */
  changeWords: list('English comparatives and adverbs of change', [
    'more', 'less', 'differently', 'better', 'sooner', 'earlier', 'instead', 'longer', 'fewer', 'harder', 'properly',
  ]),
  /** Verbs of going along with something, after a refusal that names them: "I didn't *agree*". */
  consentVerbs: list('English verbs of agreeing and allowing', ['agree', 'accept', 'allow', 'let', 'sign', 'approve', 'go']),
  /** Relative pronouns for people: "it was my lead who rolled it back". */
  personRelatives: list('English relative pronouns for people', ['who', 'whom']),

  /** Verbs of leaving an act out, before it: "skipped comparing the data", "forgot to tell them". */
  /**
   * Verbs of omission: before an act, it was not done ("skipped comparing the data"); negated,
   * they affirm what follows ("we never skip the load test" runs it).
   */
  leftOut: list('English verbs of omission', [
    'skipped', 'skip', 'skips', 'skipping', 'forgot', 'forgot to', 'forget', 'forgets', 'forgetting', 'neglected',
    'neglected to', 'neglect', 'neglecting', 'left out', 'bypassed', 'bypass', 'bypassing', 'omitted', 'omit', 'omitting',
    'waved away', 'waved off', 'brushed off', 'brushed aside', 'shrugged off',
  ]),

  /** Words that point back at the act told before: "but nobody did it", "we never held it". */
  actAnaphors: list('English object pronouns and demonstratives', ['it', 'that', 'them', 'this', 'one', 'any of it']),

  // --- the story reader (src/language/story.ts) ---

  /** Words that open an either-or question before its first option ("do you use token bucket or ..."). */
  questionLead: list('English auxiliaries, pronouns and choice verbs that open a question', [
    'do', 'does', 'would', 'will', 'is', 'are', 'should', 'you', 'we', 'it', 'use', 'pick', 'choose', 'a', 'the',
  ]),
} as const satisfies Record<string, WordList>;

export type WordListId = keyof typeof WORDS;

/** A list's single words, for look-up by token. */
export function wordSet(id: WordListId): ReadonlySet<string> {
  return new Set(WORDS[id].words);
}

/** Past tenses told by their form alone: irregular main verbs and the past auxiliaries (regular ones end in -ed). */
export const PAST_TENSES: ReadonlySet<string> = new Set([...WORDS.irregularPast.words, ...WORDS.pastAuxiliaries.words]);

/**
 * The verbs of an action, by what they do to the system. A verb may do more than one thing
 * ("raise a limit", "raise an incident"); the object decides which.
 */
export const ACTION_CLASSES = {
  limit: list('on-call runbook verbs for holding load back', ['cap', 'limit', 'throttle', 'rate-limit', 'rate limit', 'shed', 'lower', 'reduce', 'decrease', 'restrict', 'clamp', 'slow down']),
  raise: list('on-call runbook verbs for letting more through', ['raise', 'increase', 'bump', 'ramp', 'ramp up', 'loosen', 'relax', 'step up', 'double', 'grow', 'expand', 'extend', 'resize']),
  set: list('on-call runbook verbs for changing a setting', ['set', 'change', 'configure', 'put', 'apply', 'flip', 'toggle', 'switch', 'update', 'adjust', 'tune', 'move']),
  enable: list('on-call runbook verbs for switching a thing on', ['enable', 'turn on', 'switch on', 'activate', 'trip', 'add', 'open', 'fail open']),
  disable: list('on-call runbook verbs for switching a thing off', ['disable', 'turn off', 'switch off', 'deactivate', 'lift', 'remove', 'drop', 'close', 'stop', 'pause', 'suspend', 'kill', 'shut off', 'shut down', 'block']),
  rollback: list('on-call runbook verbs for undoing a change', ['roll back', 'rollback', 'revert', 'undo', 'back out', 'downgrade']),
  drain: list('on-call runbook verbs for moving work off a thing', ['drain', 'cordon', 'evacuate', 'evict', 'offload']),
  scale: list('on-call runbook verbs for capacity', ['scale', 'scale out', 'scale up', 'add', 'spin up', 'provision', 'grow', 'expand', 'resize', 'extend']),
  restart: list('on-call runbook verbs for restarting', ['restart', 'bounce', 'recycle', 'redeploy', 'reboot', 'cycle', 'kill', 'reset']),
  failover: list('on-call runbook verbs for moving to a standby', ['fail over', 'failover', 'promote', 'fail back', 'switch over', 'cut over', 'move', 'shift', 'evacuate', 'route']),
  page: list('on-call runbook verbs for bringing people in', ['page', 'call', 'ring', 'phone', 'wake', 'wake up', 'ping', 'escalate', 'contact', 'get', 'pull in', 'pull', 'loop in', 'bring in', 'bring', 'summon', 'text', 'reach', 'reach out', 'alert', 'ask', 'involve', 'add']),
  declare: list('on-call runbook verbs for opening an incident', ['declare', 'open', 'start', 'raise', 'kick off', 'spin up', 'call']),
  communicate: list('on-call runbook verbs for telling people', ['post', 'send', 'tell', 'notify', 'inform', 'update', 'message', 'email', 'write', 'brief', 'announce', 'let know', 'reply', 'respond', 'answer', 'warn']),
  purge: list('on-call runbook verbs for freeing space or work', ['delete', 'purge', 'clear', 'free', 'clean', 'clean up', 'truncate', 'compact', 'retire', 'expire']),
  merge: list('on-call runbook verbs for grouping alerts or incidents', ['merge', 'group', 'combine', 'dedupe', 'deduplicate', 'consolidate', 'collapse']),
  relocate: list('on-call runbook verbs for moving data or load', ['move', 'reassign', 'rebalance', 'migrate', 'shift', 'relocate', 'redistribute', 'spread']),
  repair: list('on-call runbook verbs for putting data right', ['reconcile', 'repair', 'fix', 'backfill', 'replay', 'reprocess', 'correct', 'compensate', 'refund']),
  freeze: list('on-call runbook verbs for stopping changes', ['freeze', 'lock', 'halt', 'pause', 'block', 'stop', 'hold']),
  tune: list('on-call runbook verbs for adjusting a check or an alert', ['tune', 'adjust', 'change', 'relax', 'loosen', 'tweak', 'soften', 'make']),
  silence: list('on-call runbook verbs for quieting alerts', ['silence', 'mute', 'ack', 'acknowledge', 'snooze', 'suppress', 'inhibit']),
} as const satisfies Record<string, WordList>;

export type ActionClass = keyof typeof ACTION_CLASSES;

/** Light verbs: the action is in the noun after them ("do a rolling restart", "run the reconciliation"). */
export const LIGHT_VERBS = list('English light verbs', ['do', 'run', 'perform', 'trigger', 'kick', 'issue', 'execute', 'initiate']);

/** Values that switch a setting off or remove a limit. */
export const OFF_VALUES = list('config literals for off', ['off', 'false', 'unlimited', 'none', 'disabled', 'no limit', 'zero']);
/** Values that switch a setting on. */
export const ON_VALUES = list('config literals for on', ['on', 'true', 'enabled', 'yes']);

/** What a unit measures: a value typed in one unit converts only to another of the same measure. */
export type ValueMeasure = 'duration' | 'rate' | 'size' | 'share';

/** A unit a value can be typed in: its words, what it measures, its size in that measure's base, and its short form. */
export interface ValueUnit extends WordList {
  measure: ValueMeasure;
  /** Size in the measure's base unit: hours for a duration, per second for a rate, GB for a size. */
  factor: number;
  /** How a value in this unit is shown back: "24 h", "800/s". */
  short: string;
}

const unit = (measure: ValueMeasure, factor: number, short: string, words: readonly string[]): ValueUnit => ({
  source: 'units as typed in runbooks, dashboards and on-call chat',
  words,
  measure,
  factor,
  short,
});

/** Units by id: a scenario names the unit its values are written in by this id. */
export const VALUE_UNITS = {
  seconds: unit('duration', 1 / 3600, 's', ['s', 'sec', 'secs', 'second', 'seconds']),
  minutes: unit('duration', 1 / 60, 'min', ['min', 'mins', 'minute', 'minutes']),
  hours: unit('duration', 1, 'h', ['h', 'hr', 'hrs', 'hour', 'hours']),
  days: unit('duration', 24, 'd', ['d', 'day', 'days']),
  weeks: unit('duration', 168, 'wk', ['wk', 'wks', 'week', 'weeks']),
  'per-second': unit('rate', 1, '/s', ['/s', 'per second', 'per sec', 'a second', 'rps', 'qps', 'req/s', 'requests per second']),
  'per-minute': unit('rate', 1 / 60, '/min', ['/min', 'per minute', 'a minute', 'rpm']),
  mb: unit('size', 1 / 1000, 'MB', ['mb', 'mib', 'megabytes']),
  gb: unit('size', 1, 'GB', ['gb', 'gib', 'gigabytes', 'gigs']),
  tb: unit('size', 1000, 'TB', ['tb', 'tib', 'terabytes']),
  percent: unit('share', 1, '%', ['%', 'percent', 'per cent', 'pct']),
} as const satisfies Record<string, ValueUnit>;

export type ValueUnitId = keyof typeof VALUE_UNITS;

/** Words that lead the value a setting is given: "to 24 hours", "at 800/s", "= 1000". */
export const VALUE_LEADS = list('English prepositions for a target value', ['to', 'at', '=', 'down to', 'up to']);
/** Words that lead the value a setting had before: "from 7 days", "was 800". */
export const VALUE_FROMS = list('English prepositions for a previous value', ['from', 'was', 'of']);
/**
 * Small numbers in words, with their values: "two days", "a day", "three weeks before launch".
 * "a" and "an" count as one when a unit follows them.
 */
export const NUMBER_VALUES = {
  source: 'English number words, zero to twelve, and the indefinite articles',
  values: new Map<string, number>([
    ...['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map((w, i) => [w, i] as const),
    ['a', 1],
    ['an', 1],
  ]),
} as const;

/** Words that put an act ahead of the others said with it: "but I will roll back first". */
export const FIRST_WORDS = list('English adverbs of order', ['first', 'firstly', 'first of all', 'before anything else', 'before anything']);

/** Words that carry no object: articles, particles and the like, left out when an object is compared. */
export const NOT_OBJECT = list('English function words', [
  'the', 'a', 'an', 'to', 'at', 'of', 'on', 'in', 'for', 'by', 'with', 'from', 'up', 'out', 'off', 'back', 'it', 'its', 'that', 'this',
  'those', 'these', 'our', 'my', 'their', 'some', 'all', 'every', 'now', 'right', 'away', 'immediately', 'first', 'then', 'just', 'please',
  'per', 'second', 'seconds', 'minute', 'flag', 'setting', 'value', 'new', 'instead', 'again', 'too', 'also', 'there', 'here', 'is', 'be',
  'and', 'or', 'so', 'am', 'are', 'will', 'would', 'not', 'i', 'we', 'us', 'let', 'me', 'going', 'want', 'need', 'should', 'can',
]);

/** Words that make a story an outage: something broke and someone responded. */
export const OUTAGE_WORDS = list('incident-report vocabulary', [
  'outage', 'outages', 'down', 'broke', 'broken', 'incident', 'paged', 'page', 'crashed', 'crash', 'failed', 'failing', 'failure', 'errors',
  'error', '5xx', '500s', 'degraded', 'unavailable', 'timeouts', 'timing', 'sev1', 'sev2', 'sev-1', 'sev-2', 'pager', 'woke', 'alert',
  'alerts', 'rollback', 'rolled', 'firefight', 'firefighting', 'corrupted', 'corruption', 'lost', 'leak', 'spike',
]);
/** Words that make a story a launch: something planned went out. */
export const LAUNCH_WORDS = list('project and release vocabulary', [
  'launch', 'launched', 'launching', 'release', 'released', 'shipped', 'ship', 'rollout', 'go-live', 'golive', 'migrated', 'migration',
  'built', 'designed', 'delivered', 'project', 'feature', 'capacity', 'load', 'forecast', 'planned', 'planning',
]);
/** Words that say a story ended badly. */
export const FAILURE_WORDS = list('incident-report vocabulary for bad outcomes', [
  'failed', 'failure', 'missed', 'lost', 'worse', 'broke', 'outage', 'down', 'rolled', 'regret', 'mistake', 'wrong', 'crashed', 'late',
]);
/** Words that say a story ended well. */
export const SUCCESS_WORDS = list('incident-report vocabulary for good outcomes', [
  'succeeded', 'success', 'successful', 'smoothly', 'smooth', 'fine', 'went well', 'worked', 'no incidents', 'zero incidents', 'on time',
  'recovered', 'resolved', 'fixed', 'saved', 'held',
]);
/** Phrases by which a question takes for granted that a call was just made. */
export const PRESUPPOSE_DECISION = list('interviewer follow-up phrasing', [
  'the call you made', 'that call', 'the trade-off there', 'the tradeoff there', 'that decision', 'why that one',
  'the other option', 'why not the other', 'you chose',
]);
