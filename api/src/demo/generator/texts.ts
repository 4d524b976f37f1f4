import type { SimBlock } from '../../sources/jira/simulator/simulator-dataset';
import type { Random } from './random';
import {
  benefits,
  bugExpectationTexts,
  bugFaultTexts,
  clarifyingQuestions,
  codeComments,
  criteriaItems,
  descriptionOpeners,
  gherkinSteps,
  qualifiers,
  roles,
  thinDescriptions,
  verbs,
} from './vocabulary';

/** Fills `{noun}`-style slots; capitalised slot names capitalise the value. */
export function fill(random: Random, template: string, noun: string): string {
  const values: Record<string, () => string> = {
    noun: () => noun,
    verb: () => random.pick(verbs),
    qualifier: () => random.pick(qualifiers.filter((q) => q !== '')),
    qualifier2: () => random.pick(qualifiers.filter((q) => q !== '')),
    role: () => random.pick(roles),
    benefit: () => random.pick(benefits),
    n: () => String(random.pick([10, 25, 50, 100, 500])),
    field: () => random.pick(['id', 'amount', 'currency', 'items', 'owner']),
    flag: () => `${noun.replace(/\s+/g, '_')}_v2`,
    repo: () => 'the service',
  };
  return template
    .replace(/\{(\w+)\}/g, (slot, name: string) => {
      const value = values[name.toLowerCase()]?.();
      if (value === undefined) return slot;
      return name[0] === name[0]?.toUpperCase()
        ? value.charAt(0).toUpperCase() + value.slice(1)
        : value;
    })
    .replace(/\s+([.,?])/g, '$1');
}

export type CriteriaStyle = 'heading' | 'checklist' | 'gherkin' | 'field' | 'none';

export interface TicketText {
  description: SimBlock[] | null;
  criteriaField: SimBlock[] | null;
}

/** A ticket's text at creation; `style` says where (if anywhere) its acceptance criteria live. */
export function ticketText(
  random: Random,
  noun: string,
  style: CriteriaStyle,
  thin: boolean,
): TicketText {
  if (thin) {
    const text = fill(random, random.pick(thinDescriptions), noun);
    return { description: text === '' ? null : [{ type: 'paragraph', text }], criteriaField: null };
  }
  const blocks: SimBlock[] = [
    { type: 'paragraph', text: fill(random, random.pick(descriptionOpeners), noun) },
  ];
  if (random.chance(0.5))
    blocks.push({
      type: 'paragraph',
      text: fill(
        random,
        random.pick([
          'Context: the current {noun} logic lives in two places and they disagree.',
          'Design notes are in the RFC linked from the epic.',
          'This came up in three support tickets last month.',
          'Out of scope: the mobile app, handled separately.',
          'Numbers from last quarter: about 4% of {noun}s are affected.',
        ]),
        noun,
      ),
    });
  const items = random
    .sample(criteriaItems, random.int(2, 4))
    .map((item) => fill(random, item, noun));
  switch (style) {
    case 'heading':
      blocks.push({
        type: 'heading',
        level: random.pick([2, 3] as const),
        text: random.pick([
          'Acceptance Criteria',
          'Acceptance criteria',
          'AC',
          'Definition of done',
        ]),
      });
      blocks.push(
        random.chance(0.7) ? { type: 'bulletList', items } : { type: 'orderedList', items },
      );
      return { description: blocks, criteriaField: null };
    case 'checklist':
      blocks.push({ type: 'taskList', items: items.map((text) => ({ text, done: false })) });
      return { description: blocks, criteriaField: null };
    case 'gherkin':
      for (const step of random.pick(gherkinSteps))
        blocks.push({ type: 'paragraph', text: fill(random, step, noun) });
      return { description: blocks, criteriaField: null };
    case 'field':
      return { description: blocks, criteriaField: [{ type: 'bulletList', items }] };
    case 'none':
      return { description: blocks, criteriaField: null };
  }
}

export function rewrittenDescription(
  random: Random,
  noun: string,
  before: SimBlock[] | null,
): SimBlock[] {
  return [
    ...(before ?? []),
    {
      type: 'paragraph',
      text: fill(
        random,
        random.pick([
          'Update after kickoff: this must also cover {qualifier}.',
          'Changed scope: {noun}s created before the migration are excluded.',
          'Clarified with product: {verb} only for paying tenants.',
          'EDIT: the limit is {n}, not unlimited as first written.',
          'Revised: the old {noun} behaviour stays for partners.',
        ]),
        noun,
      ),
    },
  ];
}

export const clarifyingQuestion = (random: Random, noun: string): string =>
  fill(random, random.pick(clarifyingQuestions), noun);
export const codeComment = (random: Random, noun: string): string =>
  fill(random, random.pick(codeComments), noun);
export const expectationText = (random: Random, noun: string): string =>
  fill(random, random.pick(bugExpectationTexts), noun);
export const faultText = (random: Random, noun: string): string =>
  fill(random, random.pick(bugFaultTexts), noun);

/** A PR title: a conventional-commit prefix sometimes, the ticket key sometimes, plain prose otherwise. */
export function prTitle(random: Random, summary: string, key: string | null, type: string): string {
  const lower = summary.charAt(0).toLowerCase() + summary.slice(1);
  const style = random.int(0, 5);
  if (key !== null && style <= 1) return `${key}: ${summary}`;
  if (key !== null && style === 2) return `[${key}] ${lower}`;
  if (style === 3 || style === 4)
    return `${type}${random.chance(0.3) ? `(${summary.split(' ')[1] ?? 'core'})` : ''}: ${lower}`;
  return summary;
}

export function branchName(
  random: Random,
  key: string | null,
  summary: string,
  login: string,
): string {
  const slug = summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  if (key !== null && random.chance(0.7))
    return random.chance(0.5) ? `${key.toLowerCase()}-${slug}` : `feature/${key}-${slug}`;
  return random.chance(0.5) ? `${login}/${slug}` : slug;
}
