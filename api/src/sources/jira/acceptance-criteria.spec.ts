import { detectAcceptanceCriteria, type AcceptanceCriteriaSource } from './acceptance-criteria';

describe('detectAcceptanceCriteria', () => {
  const cases: {
    name: string;
    text: string | null;
    field?: string | null;
    source: AcceptanceCriteriaSource | null;
    contains?: string;
  }[] = [
    {
      name: 'custom field',
      text: 'Export invoices.',
      field: 'CSV has a header row',
      source: 'field',
      contains: 'header row',
    },
    {
      name: 'blank custom field falls back to text',
      text: 'Just do it.',
      field: '   ',
      source: null,
    },
    {
      name: 'Markdown heading from ADF',
      text: 'Export.\n\n### Acceptance criteria\n\n- CSV has a header\n\n## Notes\nlater',
      source: 'heading',
      contains: 'CSV has a header',
    },
    {
      name: 'wiki heading (Data Center)',
      text: 'Export.\n\nh3. Acceptance Criteria\n* CSV has a header',
      source: 'heading',
      contains: '* CSV has a header',
    },
    {
      name: 'bold label with colon',
      text: '*AC:*\n- totals match',
      source: 'heading',
      contains: 'totals match',
    },
    {
      name: 'Definition of done heading',
      text: '## Definition of Done\n- deployed',
      source: 'heading',
      contains: 'deployed',
    },
    {
      name: 'ADF checklist',
      text: 'Tasks\n\n- [ ] works offline\n- [x] audited',
      source: 'checklist',
      contains: '- [ ] works offline',
    },
    {
      name: 'wiki checklist',
      text: '* [ ] works offline\n* [x] audited',
      source: 'checklist',
      contains: 'audited',
    },
    {
      name: 'Given/When/Then on one line',
      text: 'Given a user, when they open login, then it loads',
      source: 'gherkin',
    },
    {
      name: 'Gherkin scenario over lines',
      text: 'Scenario: export\n  Given an invoice\n  When I export it\n  Then the CSV has a header',
      source: 'gherkin',
      contains: 'Then the CSV',
    },
    {
      name: 'no criteria: plain request',
      text: 'Fix the login page, it breaks when users sign in.',
      source: null,
    },
    {
      name: 'no criteria: empty heading',
      text: '## Acceptance criteria\n\n## Notes\nTBD',
      source: null,
    },
    {
      name: 'no criteria: "given" in prose',
      text: 'Given the deadline we skip tests.',
      source: null,
    },
    { name: 'no criteria: nothing at all', text: null, source: null },
  ];

  it.each(cases)('$name', ({ text, field, source, contains }) => {
    const result = detectAcceptanceCriteria(text, field);
    expect(result.source).toBe(source);
    expect(result.found).toBe(source !== null);
    if (contains !== undefined) expect(result.text).toContain(contains);
  });
});
