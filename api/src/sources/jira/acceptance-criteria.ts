/**
 * Finds acceptance criteria in a work item, the first signal of "context" in cause attribution:
 * a dedicated field, a heading (Markdown-style from ADF or wiki `h3.`), a checklist, or
 * Given/When/Then scenarios. Pure; the analysis engine reuses it on tickets as they were.
 */
export type AcceptanceCriteriaSource = 'field' | 'heading' | 'checklist' | 'gherkin';

export interface AcceptanceCriteriaResult {
  found: boolean;
  source: AcceptanceCriteriaSource | null;
  /** The criteria text as found (the section under the heading, the checklist lines...). */
  text: string | null;
}

const notFound: AcceptanceCriteriaResult = { found: false, source: null, text: null };

const criteriaTitle =
  /^(acceptance\s+criteri(a|on)|ac|definition\s+of\s+done|dod|success\s+criteria|done\s+when)\s*:?\s*$/i;

/** The heading text when the line is a heading: `## X`, wiki `h3. X`, `*X*`, `**X:**` or a lone `X:`. */
function headingText(line: string): string | null {
  const trimmed = line.trim();
  const markdown = /^#{1,6}\s+(.+)$/.exec(trimmed);
  if (markdown?.[1] !== undefined) return markdown[1];
  const wiki = /^h[1-6]\.\s+(.+)$/.exec(trimmed);
  if (wiki?.[1] !== undefined) return wiki[1];
  const bold = /^\*{1,2}([^*]+)\*{1,2}:?$/.exec(trimmed);
  if (bold?.[1] !== undefined) return bold[1];
  const colon = /^([A-Za-z][A-Za-z ]{1,40}):$/.exec(trimmed);
  return colon?.[1] ?? null;
}

function underHeading(lines: string[]): string | null {
  for (let index = 0; index < lines.length; index += 1) {
    const title = headingText(lines[index] ?? '');
    if (title === null || !criteriaTitle.test(title.trim())) continue;
    const section: string[] = [];
    for (const line of lines.slice(index + 1)) {
      const next = headingText(line);
      if (next !== null && /^(#|h[1-6]\.)/.test(line.trim())) break;
      section.push(line);
    }
    const text = section.join('\n').trim();
    if (text !== '') return text;
  }
  return null;
}

const checklistLine = /^\s*(?:[-*#]|\d+\.)\s*\[(?: |x|X)\]\s+\S/;

function checklist(lines: string[]): string | null {
  const items = lines.filter((line) => checklistLine.test(line));
  return items.length === 0 ? null : items.join('\n');
}

const gherkin =
  /(?:^|\n)[\s\-*#>|]*(?:scenario[^\n]*\n[\s\-*#>|]*)?given\b[^\n]*(?:\n[^\n]*){0,6}?\bwhen\b[^\n]*(?:\n[^\n]*){0,6}?\bthen\b[^\n]*/i;

function givenWhenThen(text: string): string | null {
  const match = gherkin.exec(text);
  return match === null ? null : match[0].trim();
}

export function detectAcceptanceCriteria(
  text: string | null | undefined,
  customFieldValue?: string | null,
): AcceptanceCriteriaResult {
  const field = customFieldValue?.trim();
  if (field !== undefined && field !== '') return { found: true, source: 'field', text: field };
  if (text === null || text === undefined || text.trim() === '') return notFound;
  const lines = text.split(/\r?\n/);
  const heading = underHeading(lines);
  if (heading !== null) return { found: true, source: 'heading', text: heading };
  const list = checklist(lines);
  if (list !== null) return { found: true, source: 'checklist', text: list };
  const scenario = givenWhenThen(text);
  if (scenario !== null) return { found: true, source: 'gherkin', text: scenario };
  return notFound;
}
