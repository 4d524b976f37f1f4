/**
 * Word pools for the demo organisation, written for this generator. Wording is varied on
 * purpose: a classifier must not be able to key on one template phrase. (Faker would give more
 * variety but is ESM-only and cannot be loaded by the api's Jest setup; see the demo README.)
 */

export const firstNames = [
  'Amara',
  'Bastian',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farah',
  'Gustavo',
  'Hana',
  'Ines',
  'Jonas',
  'Kenji',
  'Leila',
  'Mateo',
  'Noor',
  'Olu',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tamsin',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zofia',
  'Arjun',
  'Beatriz',
  'Callum',
  'Dagny',
  'Emeka',
  'Freya',
  'Goran',
  'Hiroshi',
  'Isla',
  'Jakub',
  'Kalani',
  'Lucien',
  'Maren',
  'Nikhil',
  'Oksana',
  'Pablo',
  'Ravi',
  'Saoirse',
  'Tobias',
  'Valentina',
  'Wiebke',
  'Yara',
];

export const lastNames = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Petrova',
  'Yilmaz',
  'Haddad',
  'Ferreira',
  'Nakamura',
  'Castillo',
  'Becker',
  'Sato',
  'Rahimi',
  'Alvarez',
  'Qureshi',
  'Adeyemi',
  'Iyer',
  'Lambert',
  'Navarro',
  'Holm',
  'Whitlock',
  'Menon',
  'Kowalski',
  'Zhang',
  'Delgado',
  'Aydin',
  'Nowak',
  'Fitzgerald',
  'Oyelaran',
  'Brandt',
  'Kaur',
  'Vasquez',
  'Eriksen',
];

export interface TeamTheme {
  name: string;
  projectKey: string;
  nouns: string[];
  repos: { name: string; language: Language }[];
}

export type Language = 'typescript' | 'python' | 'go';

export const teamThemes: TeamTheme[] = [
  {
    name: 'Payments',
    projectKey: 'PAY',
    nouns: [
      'invoice',
      'refund',
      'payout',
      'ledger',
      'chargeback',
      'card token',
      'currency',
      'tax rate',
      'settlement',
      'receipt',
    ],
    repos: [
      { name: 'payments-api', language: 'typescript' },
      { name: 'ledger-service', language: 'go' },
    ],
  },
  {
    name: 'Growth',
    projectKey: 'GRO',
    nouns: [
      'signup',
      'trial',
      'referral',
      'onboarding step',
      'coupon',
      'pricing page',
      'experiment',
      'invite',
      'plan upgrade',
      'banner',
    ],
    repos: [
      { name: 'growth-web', language: 'typescript' },
      { name: 'experiments', language: 'python' },
      { name: 'marketing-site', language: 'typescript' },
    ],
  },
  {
    name: 'Platform',
    projectKey: 'PLAT',
    nouns: [
      'rate limiter',
      'job queue',
      'cache key',
      'feature flag',
      'audit log',
      'config loader',
      'health check',
      'tenant',
      'retry policy',
      'webhook',
    ],
    repos: [
      { name: 'platform-core', language: 'go' },
      { name: 'gateway', language: 'go' },
    ],
  },
  {
    name: 'Search',
    projectKey: 'SRCH',
    nouns: [
      'query parser',
      'ranking',
      'synonym',
      'facet',
      'index job',
      'autocomplete',
      'snippet',
      'filter',
      'typo tolerance',
      'search result',
    ],
    repos: [
      { name: 'search-service', language: 'python' },
      { name: 'indexer', language: 'python' },
    ],
  },
  {
    name: 'Mobile',
    projectKey: 'MOB',
    nouns: [
      'push notification',
      'offline mode',
      'deep link',
      'session',
      'profile photo',
      'settings screen',
      'app review prompt',
      'sync',
      'login',
      'dark mode',
    ],
    repos: [
      { name: 'mobile-bff', language: 'typescript' },
      { name: 'mobile-sync', language: 'typescript' },
    ],
  },
];

export const verbs = [
  'add',
  'support',
  'allow',
  'handle',
  'show',
  'validate',
  'limit',
  'export',
  'migrate',
  'expose',
  'cache',
  'schedule',
  'notify on',
];
export const qualifiers = [
  'for archived accounts',
  'in the admin view',
  'per tenant',
  'for EU customers',
  'behind a flag',
  'on retry',
  'for bulk requests',
  'when the user is offline',
  'in the weekly digest',
  'for partners',
  'for legacy plans',
  'across time zones',
  'in the API',
  '',
];

export const workTypes = ['feat', 'fix', 'chore', 'refactor', 'perf', 'test', 'docs'] as const;

/** Clarifying questions a reviewer or teammate asks when the intent is unclear. */
export const clarifyingQuestions = [
  'Should this also apply to archived accounts?',
  'What happens when the {noun} is already cancelled?',
  'Is this meant to cover {qualifier2} as well, or only the default case?',
  'Do we know what product expects for partial {noun}s? The ticket does not say.',
  'Which behaviour is right here: reject, or silently ignore?',
  'Are we sure {noun} should round up? I could not find it in the spec.',
  'Who decided the limit is {n}? Is that written down somewhere?',
  'What should the user see if this fails halfway through?',
  'Should existing {noun}s be migrated, or only new ones?',
  'Is the {noun} supposed to be visible to read-only users?',
  'Does this need to be backwards compatible with the mobile app?',
  'How should this behave {qualifier}?',
  'Not sure I follow the intent: is this replacing the old {noun} flow or running next to it?',
  'what about timezones? the ticket only mentions UTC',
];

/** Review comments about the code itself: execution, not intent. */
export const codeComments = [
  'nit: this could be a const',
  'Can we extract this into a helper? It is duplicated below.',
  'This loop is O(n^2) for big tenants, maybe use a map.',
  'Missing a test for the empty case.',
  'I think this leaks the connection when the query throws.',
  'Typo in the log message.',
  'Could you add a comment on why we retry here?',
  'This will throw if {noun} is null.',
  'Prefer early return here.',
  'We already have a util for this in shared.',
  'Rename to something more descriptive?',
  'Off by one? The range looks inclusive on both ends.',
];

export const approvalBodies = [
  '',
  '',
  '',
  'LGTM',
  'lgtm 👍',
  'Looks good',
  'Ship it',
  'Approved, thanks!',
  'nice',
];

export const bugExpectationTexts = [
  'Expected {noun} to be excluded for archived accounts, but they are included. The story never said which.',
  'Product says this is not what was asked: {noun} should only apply {qualifier}.',
  'The requirement was misunderstood: customers expect the {noun} to keep the original currency.',
  'Edge case not specified in the ticket: what happens when the {noun} is edited after approval. We picked the wrong behaviour.',
  'Behaves as coded but not as the spec intended; the {noun} totals should be per tenant.',
  'Users expected the old {noun} flow to remain available; the change removed it.',
  'Support reports confusion: the {noun} screen shows data the customer should not see according to the contract.',
  'After release, sales pointed out the {noun} rule should not apply {qualifier}.',
];

export const bugFaultTexts = [
  "TypeError: cannot read properties of undefined (reading '{field}') when opening the {noun} page.",
  'NullPointer-style crash in {noun} handler when the list is empty.',
  'Off-by-one in {noun} pagination: the last item is never returned.',
  'Timeout after 30s when exporting large {noun} batches.',
  'Regression: {noun} totals are rounded twice since the last deploy.',
  'Typo in the field name breaks the {noun} webhook payload.',
  'Unhandled exception in the {noun} worker, job retried forever.',
  'Race condition: two {noun} updates in the same second overwrite each other.',
  'Wrong index used, {noun} lookup returns the previous record.',
];

export const incidentTitles = [
  'Elevated 5xx on {repo} after deploy',
  '{noun} processing stalled',
  'Customers unable to complete {noun}',
  'Spike in latency for {noun} endpoint',
  'Data inconsistency in {noun} reports',
  'Error rate alert: {repo}',
];

export const descriptionOpeners = [
  'As a {role} I want to {verb} {noun}s {qualifier} so that {benefit}.',
  'We need to {verb} {noun} {qualifier}.',
  'Customers have asked to {verb} {noun}s. See the thread in #support.',
  'Follow-up from the planning session: {verb} {noun} {qualifier}.',
  '{Verb} {noun}.',
  'Today {noun}s are handled manually by ops. This ticket automates the first step.',
  'The {noun} flow is confusing; {verb} it {qualifier}.',
];

export const roles = [
  'admin',
  'finance user',
  'customer',
  'support agent',
  'partner',
  'new user',
  'team lead',
];
export const benefits = [
  'I do not have to ask support',
  'numbers match the monthly report',
  'we stop losing signups',
  'audits pass',
  'the page loads faster',
  'we can switch it off per tenant',
  'on-call gets fewer pages',
];

export const criteriaItems = [
  '{noun}s created before the change keep their current behaviour',
  'an error message is shown when the {noun} is invalid',
  'the change is behind the `{flag}` flag',
  'archived accounts are excluded',
  'the API returns 422 for a missing {noun}',
  'values are rounded half-up to 2 decimals',
  'an audit entry is written for every change',
  'works for tenants with more than 10k {noun}s',
  'the event is emitted once per {noun}',
  'read-only users cannot see the {noun}',
];

export const gherkinSteps = [
  [
    'Given a {role} with an active plan',
    'When they {verb} a {noun}',
    'Then the {noun} is saved and listed',
  ],
  [
    'Given an archived account',
    'When a {noun} is created',
    'Then it is rejected with a clear message',
  ],
  [
    'Given a {noun} in another currency',
    'When the total is computed',
    'Then the original currency is kept',
  ],
];

export const thinDescriptions = [
  'see title',
  'as discussed',
  'per Slack',
  'TBD',
  '{Verb} {noun}',
  'quick one',
  '',
];

export const commitVerbs = [
  'wip',
  'address review',
  'fix tests',
  'tidy up',
  'handle edge case',
  'rename',
  'add test',
  'update snapshot',
  'lint',
];
