import { join } from 'node:path';
import { HistoryBuilder, type Author } from './history-builder';
import {
  editLine,
  indentUnitOf,
  insertAfter,
  reindent,
  replaceIn,
  sampleLanguages,
  splitAssignment,
  type SampleLanguage,
} from './sample-modules';

/**
 * Labelled fix commits in histories shaped like real ones, each with the commits that truly
 * introduced the bug. Most are cases a good tracer should get right; the `hard-*` ones are where
 * line tracing is wrong by nature (tangled fixes, a bug fixed away from where it was written, a
 * refactor between bug and fix), so the figures stay honest.
 */

export interface LabelledFix {
  scenario: string;
  language: string;
  gitDir: string;
  fixSha: string;
  /** Full shas of the commits that really introduced the bug (empty: nothing to blame). */
  truth: string[];
}

const bob: Author = { name: 'Bob Builder', email: 'bob@example.com' };
const carol: Author = { name: 'Carol Writer', email: 'carol@example.com' };

const pricing = (language: SampleLanguage): string => `src/pricing.${language.ext}`;
const inventory = (language: SampleLanguage): string => `src/inventory.${language.ext}`;

const readme = `# Shop

Checkout pricing and inventory.

Run the tests with the usual command.
`;

async function initial(repo: HistoryBuilder, language: SampleLanguage): Promise<string> {
  await repo.write(pricing(language), language.pricingModule);
  await repo.write(inventory(language), language.inventoryModule);
  await repo.write('README.md', readme);
  return repo.commit('Initial import of the shop');
}

/** An unrelated change elsewhere, so histories are not just bug and fix. */
async function noise(
  repo: HistoryBuilder,
  language: SampleLanguage,
  note: string,
): Promise<string> {
  await repo.edit(inventory(language), (content) => `${content}\n${language.lineComment(note)}\n`);
  await repo.edit('README.md', (content) => `${content}\n${note}\n`);
  return repo.commit(`Chore: ${note}`, carol);
}

type Scenario = (
  repo: HistoryBuilder,
  language: SampleLanguage,
) => Promise<{ fixSha: string; truth: string[] } | undefined>;

const scenarios: Record<string, Scenario> = {
  'plain-fix': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'weight * 1.5', 'weight * 15'));
    const bug = await repo.commit('Ship heavy parcels by volume', bob);
    await noise(repo, l, 'tidy inventory');
    await repo.edit(pricing(l), (c) => replaceIn(c, 'weight * 15', 'weight * 1.5'));
    await repo.edit('README.md', (c) =>
      c.replace('Run the tests with the usual command.', 'Run `make test`.'),
    );
    return { fixSha: await repo.commit('Fix shipping cost for heavy parcels'), truth: [bug] };
  },

  'fix-after-rename': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'quantity > limit', 'quantity >= limit'));
    const bug = await repo.commit('Clamp quantities at the limit', bob);
    const renamed = `src/checkout_pricing.${l.ext}`;
    await repo.move(pricing(l), renamed);
    await repo.edit(renamed, (c) => replaceIn(c, 'weight * 1.5', 'weight * 1.50'));
    await repo.commit('Rename pricing module', carol);
    await repo.edit(renamed, (c) => replaceIn(c, 'quantity >= limit', 'quantity > limit'));
    return { fixSha: await repo.commit('Fix off-by-one in quantity clamp'), truth: [bug] };
  },

  'fix-after-reformat': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'discounted, 0', 'discounted, 1'));
    const bug = await repo.commit('Never charge less than one', bob);
    const unit = indentUnitOf(l);
    await repo.edit(pricing(l), (c) =>
      reindent(c, unit, unit === '  ' ? '    ' : unit === '\t' ? '    ' : '  '),
    );
    await repo.commit('Apply the formatter', carol);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'discounted, 1', 'discounted, 0'));
    return { fixSha: await repo.commit('Fix minimum price after discount'), truth: [bug] };
  },

  'fix-after-line-split': async (repo, l) => {
    if (!l.canSplitAssignments) return undefined;
    await initial(repo, l);
    await repo.edit(pricing(l), (c) =>
      replaceIn(c, 'total - total * rate', 'total - total * rate * rate'),
    );
    const bug = await repo.commit('Compound the discount rate', bob);
    await repo.edit(pricing(l), (c) =>
      editLine(c, 'total * rate * rate', (line) => splitAssignment(line, indentUnitOf(l))),
    );
    await repo.edit(pricing(l), (c) => replaceIn(c, 'weight * 1.5', 'weight *  1.5'));
    await repo.commit('Run the formatter on pricing', carol);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'total * rate * rate', 'total * rate'));
    return { fixSha: await repo.commit('Fix compounded discount'), truth: [bug] };
  },

  'fix-touching-comments': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'item.price * item.quantity', 'item.price'));
    const bug = await repo.commit('Simplify subtotal', bob);
    await repo.edit(pricing(l), (c) =>
      insertAfter(c, 'item.price', [l.lineComment('Quantities are always 1 here.')]),
    );
    await repo.commit('Document subtotal', carol);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'item.price', 'item.price * item.quantity'));
    await repo.edit(pricing(l), (c) =>
      replaceIn(c, 'Quantities are always 1 here.', 'Multiply by quantity.'),
    );
    await repo.edit(pricing(l), (c) =>
      editLine(c, 'Discounts are applied after tax.', () => '__DROP__').replace('__DROP__\n', ''),
    );
    return { fixSha: await repo.commit('Fix subtotal ignoring quantities'), truth: [bug] };
  },

  'fix-after-move-between-dirs': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'weight * 1.5', 'weight * 1.05'));
    const bug = await repo.commit('Lower shipping rate', bob);
    const moved = `lib/commerce/pricing.${l.ext}`;
    await repo.move(pricing(l), moved);
    await repo.move(inventory(l), `lib/commerce/inventory.${l.ext}`);
    await repo.edit('README.md', (c) => `${c}\nCode lives in lib/commerce.\n`);
    await repo.commit('Move modules to lib/commerce', carol);
    await repo.edit(
      `lib/commerce/inventory.${l.ext}`,
      (c) => `${c}\n${l.lineComment('stock helpers')}\n`,
    );
    await repo.commit('Note on inventory', carol);
    await repo.edit(moved, (c) => replaceIn(c, 'weight * 1.05', 'weight * 1.5'));
    return { fixSha: await repo.commit('Restore shipping rate'), truth: [bug] };
  },

  'fix-after-merge': async (repo, l) => {
    await initial(repo, l);
    await repo.checkout('feature/limits', true);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'quantity > limit', 'quantity > limit + 1'));
    const bug = await repo.commit('Allow one extra item', bob);
    await repo.write(`test/pricing_test.${l.ext}`, `${l.lineComment('tests for pricing')}\n`);
    await repo.commit('Add pricing tests', bob);
    await repo.checkout('main');
    await noise(repo, l, 'inventory note on main');
    await repo.merge('feature/limits', 'Merge branch feature/limits');
    await repo.edit(pricing(l), (c) => replaceIn(c, 'quantity > limit + 1', 'quantity > limit'));
    return { fixSha: await repo.commit('Fix quantity limit'), truth: [bug] };
  },

  'fix-is-a-merge': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'discounted, 0', 'discounted, -1'));
    const bug = await repo.commit('Allow refunds through discounts', bob);
    await repo.checkout('hotfix/negative', true);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'discounted, -1', 'discounted, 0'));
    await repo.commit('Fix negative totals');
    await repo.checkout('main');
    await noise(repo, l, 'parallel work on main');
    return { fixSha: await repo.merge('hotfix/negative', 'Merge hotfix/negative'), truth: [bug] };
  },

  'fix-only-adds-lines': async (repo, l) => {
    await initial(repo, l);
    await noise(repo, l, 'unrelated');
    await repo.edit(pricing(l), (c) => insertAfter(c, 'weight * 1.5', [l.guard]));
    return { fixSha: await repo.commit('Reject negative weights'), truth: [] };
  },

  'fix-with-two-origins': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'weight * 1.5', 'weight * 2.5'));
    const first = await repo.commit('Raise shipping', bob);
    await noise(repo, l, 'between');
    await repo.edit(pricing(l), (c) => replaceIn(c, 'quantity > limit', 'quantity < limit'));
    const second = await repo.commit('Rework clamp', carol);
    await repo.edit(pricing(l), (c) =>
      replaceIn(
        replaceIn(c, 'weight * 2.5', 'weight * 1.5'),
        'quantity < limit',
        'quantity > limit',
      ),
    );
    return { fixSha: await repo.commit('Fix shipping and clamp'), truth: [first, second].sort() };
  },

  'fix-after-cosmetic-touch': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'discounted, 0', 'discounted, 10'));
    const bug = await repo.commit('Minimum order value', bob);
    await repo.edit(pricing(l), (c) =>
      editLine(
        c,
        'discounted, 10',
        (line) => `${line.replace(/\s+$/, '')}  ${l.lineComment('floor')}`,
      ),
    );
    await repo.edit(pricing(l), (c) =>
      editLine(c, 'weight * 1.5', (line) => `${line}  ${l.lineComment('per kg')}`),
    );
    await repo.commit('Explain constants', carol);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'discounted, 10', 'discounted, 0'));
    return { fixSha: await repo.commit('Fix minimum order value'), truth: [bug] };
  },

  'hard-tangled-fix': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'weight * 1.5', 'weight * 0.5'));
    const bug = await repo.commit('Cheaper shipping', bob);
    await repo.edit(pricing(l), (c) =>
      replaceIn(replaceIn(c, 'weight * 0.5', 'weight * 1.5'), 'return limit', 'return (limit)'),
    );
    return { fixSha: await repo.commit('Fix shipping, tidy clamp'), truth: [bug] };
  },

  'hard-fixed-elsewhere': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'discounted, 0', 'discounted, 5'));
    const bug = await repo.commit('Handling fee floor', bob);
    await repo.edit(pricing(l), (c) =>
      replaceIn(c, 'total - total * rate', 'total - total * rate - 5'),
    );
    return { fixSha: await repo.commit('Compensate handling fee'), truth: [bug] };
  },

  'hard-refactor-in-between': async (repo, l) => {
    await initial(repo, l);
    await repo.edit(pricing(l), (c) => replaceIn(c, 'quantity > limit', 'quantity > limit * 2'));
    const bug = await repo.commit('Double the limit', bob);
    await repo.edit(pricing(l), (c) => c.split('limit').join('max_qty'));
    await repo.commit('Rename limit to max_qty', carol);
    await repo.edit(pricing(l), (c) =>
      replaceIn(c, 'quantity > max_qty * 2', 'quantity > max_qty'),
    );
    return { fixSha: await repo.commit('Fix doubled limit'), truth: [bug] };
  },
};

export const scenarioNames = Object.keys(scenarios);

/** Builds every scenario in every sample language under `rootDir`, one repository each. */
export async function buildScenarioSuite(rootDir: string): Promise<LabelledFix[]> {
  const fixes: LabelledFix[] = [];
  for (const [scenario, build] of Object.entries(scenarios)) {
    for (const language of sampleLanguages) {
      const repo = await HistoryBuilder.create(join(rootDir, `${scenario}-${language.name}`));
      const built = await build(repo, language);
      if (built === undefined) continue;
      fixes.push({ scenario, language: language.name, gitDir: repo.gitDir, ...built });
    }
  }
  return fixes;
}
