import {
  looksLikeStackTrace,
  matchPhrases,
  splitProseAndCode,
  splitSentences,
  type PhraseMatch,
  type PhraseRule,
} from './text-segments';

/**
 * Reads a bug or incident text (summary + description + comments) for what it complains about:
 * unmet expectations / intent (missing context) or a fault in the build (execution). Both sides
 * may be present; each match carries its phrase, sentence and weight. Negated faults ("no
 * crash") are kept apart and do not count. Bug templates ("Expected result:" headings) are
 * discounted, because nearly every bug report has them, fault or not.
 */
const expectationRules: PhraseRule[] = [
  {
    name: 'not-what-was-asked',
    pattern:
      /\bnot\s+what\s+(was|we|they|the (customer|client|user|business|po|pm)|product|finance|sales|legal|design)\s*(asked|requested|expected|wanted|agreed|specified|designed|meant|had in mind)?|\bnot\s+(the way|how)\s+(\w+\s+){0,3}(demoed|described|asked|wanted|expected|designed|agreed|specified|intended|requested)\b|\b(does(n'?t| not)|did(n'?t| not)|not)\s+match(es)?\s+(the\s+|what\s+)?(\w+\s+)?(spec|design|mock|mockups?|requirements?|ticket|story|expectations?|asked|wanted|agreed)\b/i,
    weight: 2.5,
  },
  {
    name: 'misunderstood',
    pattern:
      /\bmis(understood|understanding|read|interpreted|interpretation|communicat\w*)\b|\bwrong\s+(assumption|interpretation|understanding)\b|\b(they|we|he|she|i|customers?|users?|clients?|product|sales|dev|devs|developers?)\s+assumed\b/i,
    weight: 2,
  },
  {
    name: 'unspecified',
    pattern:
      /\b(never|not|wasn'?t|weren'?t|isn'?t|aren'?t|nobody|no one|no-one)\s+(been\s+)?(specified|defined|documented|clarified|agreed|mentioned|covered)\b|\bunspecified\b|\b(spec|ticket|story|requirements?|brief|prd|acceptance criteria)\s+only\s+(covered|covers|mentioned|mentions|said|says|specified|specifies|described|describes)\b|\b(spec|ticket|story|requirements?|brief|prd)\s+(never|(did(n'?t| not)|does(n'?t| not))(\s+(actually|really|even))?)\s+(say|said|says|mention|mentioned|cover|covered|specify|specified)\b/i,
    weight: 2,
  },
  { name: 'edge-case', pattern: /\b(edge|corner|boundary)[- ]cases?\b/i, weight: 1 },
  {
    name: 'requirement',
    pattern: /\brequirements?\b|\bacceptance criteria\b|\buser stor(y|ies)\b|\bbusiness rules?\b/i,
    weight: 1.5,
  },
  {
    name: 'spec',
    pattern:
      /\b(the|per|in|to|from|our|product)\s+([\w-]+\s+)?(spec|specs|specification|prd|mock(up)?s?|designs?|figma|wireframes?)\b/i,
    weight: 1.5,
  },
  {
    name: 'stakeholder-wanted',
    pattern:
      /\b(product|pm|po|design|ux|customers?|clients?|users?|finance|legal|sales|support|business|stakeholders?|marketing|ops|compliance)\s+(team\s+)?(want|wanted|wants|expects?|expected|asked|requested|needs?|needed|requires?|required|mandates?|mandated|intended|meant|assumed|thought)\b/i,
    weight: 2,
  },
  // A stakeholder correcting the behaviour after release ("legal flagged that ...", "sales pointed out ...").
  {
    name: 'stakeholder-correction',
    pattern:
      /\b(product|pm|po|design|ux|customers?|clients?|finance|legal|sales|business|stakeholders?|marketing|compliance|the (customer|client|business))\s+(team\s+)?(pointed out|flagged|objected|pushed back|clarified|corrected us|disagrees?|disagreed|rejected|signed off on something else)\b/i,
    weight: 1.5,
  },
  // Whoever owns the requirement stating it ("PO says bundles were always in scope"); not
  // customers or support, who as often report a crash.
  {
    name: 'owner-says',
    pattern:
      /\b(product|pm|po|product owner|product manager|design|designer|ux|legal|finance|compliance|the business|stakeholders?)\s+(team\s+)?(says|said|confirmed|clarified|decided)\b|\b(clarification|confirmation|decision)\s+(from|by)\s+(the\s+)?(product|pm|po|product owner|design|ux|legal|finance|compliance|business|stakeholders?)\b/i,
    weight: 1.5,
  },
  // An obligation the behaviour breaks: "as per the contract", "under GDPR", "per our SLA".
  {
    name: 'obligation',
    pattern:
      /\b(as per|per|according to|under|required by|violates?|breaks?)\s+(the\s+|our\s+|their\s+)?(contract|sla|agreement|policy|regulations?|law|gdpr|terms|compliance rules?)\b/i,
    weight: 1.5,
  },
  {
    name: 'as-designed',
    pattern:
      /\b(works|working|behaves|implemented)\s+as\s+(designed|intended|implemented|specified|coded)\b|\bby design\b/i,
    weight: 1.5,
  },
  {
    name: 'ambiguous',
    pattern: /\b(ambiguous|ambiguity|unclear|vague|confusing|confusion|confused|puzzled)\b/i,
    weight: 1.5,
  },
  { name: 'intent', pattern: /\b(intended|intent|intention|meant to|supposed to)\b/i, weight: 1 },
  {
    name: 'should-behave',
    pattern:
      /\b(should|must)(n'?t| not)?\s+(have\s+)?(be|see|get|show|display|include|exclude|allow|return|use|apply|round|count|send|keep|list|sort|default|behave|work like|match)\b/i,
    weight: 0.75,
  },
  { name: 'expected', pattern: /\bexpect(ed|s|ation|ations)?\b/i, weight: 0.75 },
  {
    name: 'feature-gap',
    pattern:
      /\b(missing|forgot|forgotten)\s+(feature|requirement|case|scenario|option|field|rule|validation rule)\b|\bnot\s+(handled|supported|considered|accounted for)\b/i,
    weight: 1,
  },
];

const faultRules: PhraseRule[] = [
  {
    name: 'null-pointer',
    pattern:
      /\b(null\s*pointer|npe|null\s*reference|nullreferenceexception|nullpointerexception|cannot read propert(y|ies) of (null|undefined)|undefined is not a (function|object)|nil pointer|none ?type)\b/i,
    weight: 2.5,
  },
  {
    name: 'typed-error',
    pattern:
      /\b(TypeError|ReferenceError|RangeError|SyntaxError|KeyError|ValueError|AttributeError|IndexError|ArgumentError|NoMethodError|IllegalStateException|IllegalArgumentException|ClassCastException|ConcurrentModificationException|ArrayIndexOutOfBoundsException|StackOverflowError|OutOfMemoryError|segfault|segmentation fault|SIGSEGV|SIGABRT|panic)\b/i,
    weight: 2.5,
  },
  {
    name: 'exception',
    pattern:
      /\b(exceptions?|uncaught|unhandled|throws?|threw|thrown|stack\s*traces?|traceback|backtrace|core dump)\b/i,
    weight: 1.5,
  },
  {
    name: 'crash',
    pattern:
      /\bcrash(es|ed|ing)?\b|\bcrash(loop)?backoff\b|\bblue screen\b|\bapp (closes|dies|quits)\b/i,
    weight: 2,
  },
  { name: 'null', pattern: /\b(null|nil|NaN|undefined(?!\s+behaviou?r))\b/i, weight: 1.5 },
  { name: 'typo', pattern: /\b(typo|typos|misspell(ed|ing)?|wrong spelling)\b/i, weight: 1.5 },
  { name: 'off-by-one', pattern: /\boff[- ]by[- ](one|1)\b|\bfencepost\b/i, weight: 2.5 },
  {
    name: 'regression',
    pattern:
      /\bregress(ion|ions|ed)\b|\bused to work\b|\bworked (before|in|on) (v?\d|the previous|last)\b|\b(broke|broken|stopped working|started failing)\s+(after|since|with)\b|\bstopped working\b|\bno longer works?\b|\b(after|since)\s+(the\s+)?(last|latest|recent|yesterday'?s|today'?s|this morning'?s)\s+(deploy|deployment|release|update|upgrade|rollout)\b/i,
    weight: 1.5,
  },
  {
    name: 'timeout',
    pattern:
      /\btime[sd]?[- ]?out\b|\btimeouts\b|\btimed out\b|\bETIMEDOUT\b|\bhangs?\b|\bhanging\b|\bfreez(es|ing)\b|\bunresponsive\b|\b(spins?|spinning|loads?|loading|waits?|waiting)\s+forever\b|\bstuck\s+(on|at|in)\b|\bnever\s+(loads|finishes|completes|returns|responds)\b/i,
    weight: 1.5,
  },
  {
    name: 'server-error',
    pattern:
      /\b(HTTP|status|error|code|returns?|returned|got a?)\s*5\d\d\b|\b5\d\d\s*(error|internal|response|status|bad gateway|service unavailable)\b|\ba\s+5\d\d\b|\b5\d\d\s+(from|on|when|for)\b|\binternal server error\b|\bbad gateway\b|\bservice unavailable\b/i,
    weight: 1.5,
  },
  {
    name: 'concurrency',
    pattern:
      /\b(deadlocks?|race conditions?|data race|livelock|double[- ](submit|charge|write|booking))\b/i,
    weight: 2,
  },
  {
    name: 'resource',
    pattern:
      /\b(memory leak|leaks? memory|out of memory|OOM|oom-?killed|connection pool exhausted|too many open files|disk full|overflow(ed|s)?)\b/i,
    weight: 2,
  },
  {
    name: 'wrong-code',
    pattern:
      /\b(wrong|incorrect)\s+(variable|field|column|index|operator|sign|comparison|condition|query|join|key|constant|parameter|argument)\b|\binverted (condition|check|logic)\b|\bcopy[- ]paste(d)? (error|bug|mistake)\b/i,
    weight: 2,
  },
  {
    name: 'encoding',
    pattern:
      /\b(mojibake|encoding (issue|bug|error|problem)|utf-?8|garbled|escap(e|ing) (bug|issue))\b/i,
    weight: 1,
  },
  {
    name: 'error-shown',
    pattern:
      /\bsomething went wrong\b|\ban? (unexpected |unknown |internal )?error (occurred|has occurred|was thrown|is shown|pops up)\b|\b(got|getting|gets|returns?|returned|throws?|gives?|giving|shows?)\s+(an?\s+)?(40[0-9]|41[0-9]|42[0-9])\b|\b40[134]\s+(error|not found|forbidden|unauthori[sz]ed)\b/i,
    weight: 1.5,
  },
  {
    name: 'duplicate',
    pattern:
      /\b(sent|charged|created|processed|imported|booked|fired|triggered|inserted|saved)\s+twice\b|\bduplicated?\s+(emails?|charges?|orders?|payments?|records?|entries|notifications?|rows|events?|messages?|invoices?)\b/i,
    weight: 1.5,
  },
  {
    name: 'malfunction',
    pattern: /\b(is|are|was|were|seems|got|gets)\s+(completely\s+|totally\s+)?broken\b/i,
    weight: 1,
  },
  {
    name: 'failure',
    pattern:
      /\b(fails?|failed|failing|failure|errors?|broken|breaks|bug in the code|infinite loop)\b/i,
    weight: 0.5,
  },
];

/** Lines that are template headings ("Expected result:", "## Expected behaviour") carry no intent. */
const templateHeading =
  /^\s*(#{1,6}\s*|\*{1,2}|h[1-6]\.\s*)?(expected|actual|observed)\s*(result|results|behaviou?r|outcome)?\s*\*{0,2}\s*:?\s*\*{0,2}\s*$/i;
const templateLabel =
  /^\s*(\*{1,2})?(expected|actual|observed)\s*(result|results|behaviou?r|outcome)?\s*(\*{1,2})?\s*:\s*/i;

export interface DefectTextSide {
  score: number;
  matches: PhraseMatch[];
}

export interface DefectTextReading {
  expectation: DefectTextSide;
  fault: DefectTextSide;
  /** Phrases found only in a negated form ("no crash", "does not throw"): reported, not counted. */
  negated: PhraseMatch[];
  stackTrace: boolean;
  leaning: 'expectation' | 'fault' | 'mixed' | 'none';
}

const stackTraceWeight = 2.5;

/**
 * Each rule once per text: a bug's summary is usually repeated as the first line of its
 * description, and "crash" said twice is not twice the evidence. Different rules still add up.
 */
function firstPerRule(matches: readonly PhraseMatch[]): PhraseMatch[] {
  const seen = new Set<string>();
  return matches.filter((match) => {
    if (seen.has(match.rule)) return false;
    seen.add(match.rule);
    return true;
  });
}

function sumWeights(matches: PhraseMatch[]): number {
  return Math.round(matches.reduce((sum, match) => sum + match.weight, 0) * 100) / 100;
}

export function readDefectText(text: string): DefectTextReading {
  const { prose, codeBlocks } = splitProseAndCode(text);
  const lines = prose
    .split('\n')
    .filter((line) => !templateHeading.test(line))
    .map((line) => line.replace(templateLabel, ''));
  const sentences = splitSentences(lines.join('\n'));
  const expectation = matchPhrases(sentences, expectationRules, false);
  const fault = matchPhrases(sentences, faultRules);
  const traceText =
    codeBlocks.find(looksLikeStackTrace) ?? (looksLikeStackTrace(prose) ? prose : undefined);
  const expectationMatches = firstPerRule(expectation.kept);
  const faultMatches = firstPerRule(fault.kept);
  if (traceText !== undefined) {
    const firstLine = traceText.split('\n').find((line) => line.trim() !== '') ?? '';
    faultMatches.push({
      rule: 'stack-trace',
      phrase: firstLine.trim().slice(0, 160),
      sentence: firstLine.trim().slice(0, 160),
      weight: stackTraceWeight,
    });
  }
  const expectationScore = sumWeights(expectationMatches);
  const faultScore = sumWeights(faultMatches);
  return {
    expectation: {
      score: expectationScore,
      matches: expectationMatches.sort((a, b) => b.weight - a.weight),
    },
    fault: { score: faultScore, matches: faultMatches.sort((a, b) => b.weight - a.weight) },
    negated: [...expectation.negated, ...fault.negated],
    stackTrace: traceText !== undefined,
    leaning: leaningOf(expectationScore, faultScore),
  };
}

/** One side leads when it has at least 1.5 points and twice the other side's score. */
function leaningOf(expectation: number, fault: number): DefectTextReading['leaning'] {
  if (expectation < 1.5 && fault < 1.5) return 'none';
  if (expectation >= 1.5 && expectation >= fault * 2) return 'expectation';
  if (fault >= 1.5 && fault >= expectation * 2) return 'fault';
  return 'mixed';
}
