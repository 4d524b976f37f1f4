import { adfToText, richTextToPlain, type AdfNode } from './adf-to-text';
import { toAdf } from './simulator/rich-text.render';

describe('adfToText', () => {
  it('keeps headings, lists, task lists and tables', () => {
    const doc = toAdf([
      { type: 'paragraph', text: 'Users export invoices.' },
      { type: 'heading', level: 3, text: 'Acceptance criteria' },
      { type: 'bulletList', items: ['CSV has a header', 'dates are ISO 8601'] },
      { type: 'orderedList', items: ['open', 'export'] },
      {
        type: 'taskList',
        items: [
          { text: 'works offline', done: false },
          { text: 'audited', done: true },
        ],
      },
      {
        type: 'table',
        rows: [
          ['Input', 'Output'],
          ['a|b', 'c'],
        ],
      },
    ]);
    expect(adfToText(doc as AdfNode)).toBe(
      [
        'Users export invoices.',
        '### Acceptance criteria',
        '- CSV has a header\n- dates are ISO 8601',
        '1. open\n2. export',
        '- [ ] works offline\n- [x] audited',
        '| Input | Output |\n| a\\|b | c |',
      ].join('\n\n'),
    );
  });

  it('renders inline nodes and nested lists', () => {
    const doc: AdfNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Ping ' },
            { type: 'mention', attrs: { text: '@Ana' } },
            { type: 'hardBreak' },
            { type: 'inlineCard', attrs: { url: 'https://x.test' } },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'outer' }] },
                {
                  type: 'bulletList',
                  content: [
                    {
                      type: 'listItem',
                      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'inner' }] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
        { type: 'codeBlock', content: [{ type: 'text', text: 'npm test' }] },
      ],
    };
    expect(adfToText(doc)).toBe(
      'Ping @Ana\nhttps://x.test\n\n- outer\n  - inner\n\n```\nnpm test\n```',
    );
  });

  it('passes Data Center wiki text through and rejects what is neither', () => {
    expect(richTextToPlain('h3. AC\n* one')).toBe('h3. AC\n* one');
    expect(richTextToPlain(null)).toBeNull();
    expect(richTextToPlain({ type: 'doc', content: [] })).toBeNull();
    expect(() => richTextToPlain({ nodes: [] })).toThrow(/neither/);
  });
});
