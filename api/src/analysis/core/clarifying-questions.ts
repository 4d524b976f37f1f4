import { splitProseAndCode, splitSentences } from './text-segments';

/**
 * Is a review or ticket comment a clarifying question about requirements or intent ("should it
 * also apply to archived accounts?") rather than a code-level request phrased as a question
 * ("could you add a test?"), a nit, a bot's report or an approval?
 *
 * Per question sentence, intent cues and code cues each add a score; the sentence counts when
 * its intent score is at least `minIntent` and beats its code score. Cues are grammatical
 * patterns (modal + subject, "what happens when", references to spec/product/users), not
 * domain words, so they carry to other codebases. Quoted replies and code are ignored.
 */
export interface CommentInput {
  body: string;
  authorLogin?: string | null;
  authorIsBot?: boolean;
}

export type ClarifyingVerdictReason =
  'clarifying' | 'bot' | 'no_question' | 'code_level' | 'nit' | 'approval' | 'empty';

export interface ClarifyingMatch {
  sentence: string;
  intentCues: string[];
  codeCues: string[];
}

export interface ClarifyingVerdict {
  isClarifying: boolean;
  reason: ClarifyingVerdictReason;
  matches: ClarifyingMatch[];
}

interface Cue {
  name: string;
  pattern: RegExp;
  weight: number;
}

const intentCues: Cue[] = [
  {
    name: 'is-it-supposed-to',
    pattern:
      /\b(is|are|was|were)\s+(?:[\w'-]+\s+){0,2}(supposed|expected|meant|intended|required)\s+to\b/i,
    weight: 2,
  },
  {
    name: 'intended-behaviour',
    pattern:
      /\b(intended|expected|desired|correct|right|wanted)\s+(behaviou?r|result|outcome|flow|ux|logic)\b|\bis\s+(it|this|that)\s+(intended|expected|intentional|desired|by design|deliberate|on purpose)\b/i,
    weight: 2,
  },
  {
    name: 'what-happens-when',
    pattern:
      /\bwhat\s+(happens|should happen|would happen|do we (do|show|display|return))\s+(when|if|for|to)\b|\bwhat\s+if\s+(the|a|an|someone|they|we)\b/i,
    weight: 1.5,
  },
  {
    name: 'should-subject',
    pattern:
      /(?:^|[,;:]\s*|\b(?:and|so|then|but|also)\s+)(should|shall|must)\s+\w+|\b(should|do)\s+(we|users?|customers?|they)\s+(also|still|even|really|only|ever)\b/i,
    weight: 1,
  },
  {
    name: 'do-we-want',
    // "need" only as "need to": "do we need to support IE?" asks for a requirement, "do we still
    // need this flag?" is about the code.
    pattern:
      /\b(do|did|does|would)\s+(we|they|you|product|design|users|customers|the (user|customer|business|client|team|pm|po))\s+((really|actually|even|still|definitely|also|ever)\s+)?(want|need to|expect|require|care|intend|plan|agree|decide)\b/i,
    weight: 1.5,
  },
  {
    name: 'requirement-source',
    pattern:
      /\b(per|according to|in|from|for|does|did|is)\s+(the\s+|this\s+|that\s+|our\s+)?(spec|specs|specification|ticket|story|jira|requirements?|prd|design|designs|mocks?|mockups?|figma|ac|acceptance criteria|rfc|adr|brief)\b|\b(spec|ticket|story|prd|requirements?|mocks?|mockups?|design|ac)\s+((only|just|also|clearly|explicitly|never|does(n'?t| not)|did(n'?t| not))\s+)?(says?|said|mentions?|mention|shows?|show|asks?|ask|asked|wants?|implies?|imply|talks?|talked|describes?|describe|specif(y|ies))\b/i,
    weight: 1.5,
  },
  {
    name: 'stakeholder',
    pattern:
      /\b(product|pm|po|product owner|design(er)?|ux|stakeholders?|the business|finance|legal|compliance|support|customers?|users?|clients?|merchants?|tenants?|admins?)\b/i,
    weight: 0.75,
  },
  {
    name: 'scope',
    pattern:
      /\b(in|out of)\s+scope\b|\bscope\b|\b(also|only)\s+(apply|applies|cover|covers|include|includes|affect|affects|work|happen)\b|\bas well\b|\btoo\b|\beven (if|when|for)\b/i,
    weight: 1,
  },
  {
    name: 'edge-case',
    pattern:
      /\b(edge|corner|boundary)[- ]cases?\b|\b(empty|zero|negative|missing|expired|deleted|archived|disabled|duplicate|partial|cancel(l)?ed|refunded|guest|anonymous|multiple)\s+\w+/i,
    weight: 0.75,
  },
  {
    name: 'clarify',
    pattern:
      /\b(clarify|clarification|confirm|unclear|ambiguous|not sure (if|whether|what|how)|i wonder (if|whether)|understand(ing)? (correctly|right)|do i understand|did i misunderstand|wasn'?t clear)\b/i,
    weight: 1.5,
  },
  {
    name: 'which-behaviour',
    pattern:
      /\b(which|what)\s+(behaviou?r|value|format|currency|timezone|order|rule|status|unit|language|locale|date|price|role|permission|plan|limit|default)\s+(do|does|should|is|are|would)\b|\bor\s+(should|do|is|does)\s+(it|we|this)\b/i,
    weight: 1.5,
  },
  {
    name: 'conditional-behaviour',
    pattern:
      /\b(when|if|once|after|before|while)\b[^?]{3,80},\s*(should|does|do|will|would|is|are)\b/i,
    weight: 0.75,
  },
  { name: 'either-or', pattern: /^(is|are|does|do|should|will|would)\b.*\bor\b/i, weight: 0.75 },
  {
    name: 'definition',
    pattern:
      /\b(does|do|did)\s+["'“]?[\w -]{1,30}["'”]?(\s+\w+){0,2}\s+mean\b|\bwhat\s+(does|do|did)\s+.{1,40}\s+mean\b|\bdo\s+(you|we|they)\s+mean\b/i,
    weight: 1.5,
  },
  { name: 'decision', pattern: /\b(agreed|decided|signed off|discussed|aligned)\b/i, weight: 1 },
  // Asking how the change should behave, not how it is written: "how should this behave offline?",
  // "what should the customer get back if the card is declined?".
  {
    name: 'how-should-it-behave',
    pattern:
      /\bhow\s+(should|would)\s+(this|it|that|we|they|the\s+[\w-]+(\s+[\w-]+)?)\s+(behave|work|look|respond|react|handle|treat)\b|\bwhat\s+(should|would|do|does|will)\s+(the\s+)?(user|users|customer|customers|client|clients|admin|admins|caller|callers|merchant|merchants|they|we|it|this)\s+(see|get|receive|do|expect|show|display|return)\b/i,
    weight: 1.5,
  },
  // Whether the change is required to be or do something: "does this need to support IE11?".
  {
    name: 'needs-to',
    pattern:
      /\b(does|do|did|should|must|will|would)\s+(this|it|that|the\s+[\w-]+)\s+((really|also|still|even)\s+)?(need|have)\s+to\b/i,
    weight: 1,
  },
  // Where a rule came from: "who decided 30 days?", "is that documented anywhere?".
  {
    name: 'provenance',
    pattern:
      /\b(who|where)\s+(decided|agreed|asked for|requested|said|specified|signed off|came up with)\b|\b(written down|documented|specced|specified|defined)\s+(somewhere|anywhere)\b|\bwhere\s+(is|was|are)\s+(this|that|it|these)\s+(documented|specified|written|defined|decided)\b/i,
    weight: 1.5,
  },
  // Doubt about the rule itself: "are we sure late fees compound?".
  {
    name: 'doubt',
    pattern:
      /\b(are|is)\s+(we|you|they|product|the team)\s+(sure|certain|confident)\b|\bnot sure (i|we) (follow|understand|get)\b|\bi (thought|assumed|understood) (we|that|the|it|this)\b/i,
    weight: 1,
  },
  { name: 'purpose', pattern: /\b(intent|intention|purpose|use[- ]case|goal)\b/i, weight: 1 },
  // "what about refunds?" asks about a case the change may not cover (a code suggestion, "what
  // about using a map", is the `why-not` code cue); weak alone, enough with a second cue.
  { name: 'what-about', pattern: /^(and\s+|but\s+|also,?\s+)?what about\b/i, weight: 1 },
  {
    name: 'compatibility',
    pattern:
      /\bbackwards?[- ]compatib\w*|\bbreaking change\b|\b(older|old|legacy) (clients?|apps?|versions?)\b/i,
    weight: 1,
  },
];

const codeCues: Cue[] = [
  {
    name: 'request-verb',
    pattern:
      /\b(can|could|would|will|should)\s+(you|we|u)\s+(please\s+)?(add|rename|extract|move|use|split|remove|drop|delete|inline|refactor|update|change|make|write|run|rebase|squash|bump|revert|wrap|pull|reuse|document|cover|mock|simplify|cache|memoi[sz]e|convert|replace|log|type|annotate|sort|format)\b/i,
    weight: 2.5,
  },
  {
    name: 'why-not',
    pattern:
      /\b(why not|how about|what about|any reason not to|wouldn'?t it be (better|cleaner|simpler)|isn'?t it (better|cleaner|simpler))\s+(just\s+)?(use|using|make|making|move|moving|extract|extracting|put|putting|call|calling|a|an|the|\w+ing)\b/i,
    weight: 2,
  },
  {
    name: 'code-shape',
    pattern:
      /\b(be|make (it|this)|as)\s+(a|an)?\s*(const|constant|private|public|protected|static|final|readonly|enum|helper|util|hook|method|function|class|interface|type|generic|async|lazy|memoized)\b|\bbe\s+(extracted|inlined|simplified|moved|removed|renamed|deleted|cached|memoized|async)\b/i,
    weight: 2,
  },
  {
    name: 'code-terms',
    pattern:
      /\b(rename|renaming|naming|variable|var|typo|indent(ation)?|whitespace|lint|linter|eslint|prettier|import|imports|unused|dead code|refactor|helper|util|utils|nullable|optional chaining|type (cast|annotation|guard)|generics?|interface|enum|map|hash ?map|dict|array|list|loop|lambda|closure|regex|getter|setter|constructor|dependency injection|mock|stub|fixture|log(ging)? (level|line|statement)|migration|schema|column|endpoint|config|env var|feature flag)\b/i,
    weight: 1,
  },
  {
    name: 'tests-ci',
    pattern:
      /\b(unit )?tests?\b|\bspecs?\s+(file|for)\b|\bcoverage\b|\bci\b|\bpipeline\b|\bbuild\b|\bflaky\b|\bsnapshot\b/i,
    weight: 1,
  },
  {
    name: 'runtime',
    pattern:
      /\b(throws?|exceptions?|null|undefined|nil|npe|race( condition)?|deadlock|thread[- ]?safe|mutex|leak|goroutine|n\+1|index|query|transaction|connections?|sockets?|file handles?|performance|perf|allocation|complexity|big-?o)\b/i,
    weight: 1.5,
  },
  { name: 'why-question', pattern: /^why\s+(do|does|did|is|are|not|was|were)\b/i, weight: 1 },
  { name: 'code-span', pattern: /\bCODE_SPAN\b/, weight: 0.5 },
  {
    name: 'here-there',
    pattern: /\b(here|this line|this file|this function|this method|above|below|line \d+)\b/i,
    weight: 0.5,
  },
];

const contextCues = intentCues.filter((cue) =>
  ['requirement-source', 'clarify', 'decision'].includes(cue.name),
);

const approval =
  /^(lgtm|looks good( to me)?|ship it|approved?|\+1|👍|🚀|nice|great|thanks?( you)?|ty|nice work|good catch|done|fixed|addressed|resolved)\b[\s!.:)👍🎉🚀]*$/iu;
const nitPrefix = /^\s*(\*\*)?(nit|nitpick|minor|style|optional|suggestion|typo)(\*\*)?\s*[:(-]/i;
const knownBots =
  /(\[bot\]|-bot|^bot-|dependabot|renovate|codecov|sonarcloud|sonarqube|github-actions|netlify|vercel|coveralls|snyk|mergify|kodiak|copilot-pull-request-reviewer)$/i;
const botBody =
  /^(<!--|\*\*?(codecov|coverage|sonar|quality gate)|##?\s*(codecov|coverage report|quality gate)|:white_check_mark:|:x:\s*(build|ci)|this (pr|pull request) (has been|was) automatically)/i;
const questionLead =
  /^(i wonder (if|whether)|not sure (if|whether|what|how)|i'?m (not sure|unclear|confused)|can (you|someone|somebody|we) (clarify|confirm)|could (you|someone|somebody) (clarify|confirm|explain what)|please (clarify|confirm))/i;

/** A question sentence: ends with `?` (also `?)`, `?!`) or opens with an explicit doubt/request to clarify. */
function isQuestion(sentence: string): boolean {
  return /\?[)!\s"'”]*$/.test(sentence) || /\?\s/.test(sentence) || questionLead.test(sentence);
}

function score(sentence: string, cues: Cue[]): { total: number; names: string[] } {
  const hits = cues.filter((cue) => cue.pattern.test(sentence));
  return {
    total: hits.reduce((sum, cue) => sum + cue.weight, 0),
    names: hits.map((cue) => cue.name),
  };
}

/** Minimum intent score of a question sentence; one strong cue, or two weaker ones. */
export const minIntent = 1.5;

export function classifyClarifyingComment(comment: CommentInput): ClarifyingVerdict {
  const login = comment.authorLogin ?? '';
  if (comment.authorIsBot === true || knownBots.test(login))
    return { isClarifying: false, reason: 'bot', matches: [] };
  const body = comment.body.trim();
  if (body === '') return { isClarifying: false, reason: 'empty', matches: [] };
  if (botBody.test(body)) return { isClarifying: false, reason: 'bot', matches: [] };
  const { prose } = splitProseAndCode(body);
  if (approval.test(prose.trim())) return { isClarifying: false, reason: 'approval', matches: [] };
  if (nitPrefix.test(prose)) return { isClarifying: false, reason: 'nit', matches: [] };

  const questions = splitSentences(prose).filter(isQuestion);
  if (questions.length === 0) return { isClarifying: false, reason: 'no_question', matches: [] };
  // A statement next to the question ("The requirements don't specify.") tells what it is about.
  const statements = splitSentences(prose).filter((sentence) => !isQuestion(sentence));
  const contextBonus = statements.some((sentence) =>
    contextCues.some((cue) => cue.pattern.test(sentence)),
  )
    ? 0.75
    : 0;
  const matches: ClarifyingMatch[] = [];
  for (const sentence of questions) {
    const found = score(sentence, intentCues);
    const intent = {
      total: found.total + contextBonus,
      names: contextBonus > 0 ? [...found.names, 'context'] : found.names,
    };
    const code = score(sentence, codeCues);
    if (intent.total >= minIntent && intent.total > code.total)
      matches.push({ sentence, intentCues: intent.names, codeCues: code.names });
  }
  return matches.length > 0
    ? { isClarifying: true, reason: 'clarifying', matches }
    : { isClarifying: false, reason: 'code_level', matches: [] };
}

/** Clarifying comments written before `before` (e.g. the origin PR's merge time). */
export function clarifyingQuestionsBefore<T extends CommentInput & { createdAt: Date }>(
  comments: readonly T[],
  before: Date,
): Array<{ comment: T; verdict: ClarifyingVerdict }> {
  return comments
    .filter((comment) => comment.createdAt.getTime() < before.getTime())
    .map((comment) => ({ comment, verdict: classifyClarifyingComment(comment) }))
    .filter((entry) => entry.verdict.isClarifying);
}
