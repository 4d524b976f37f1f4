/**
 * Realistic source files in three languages for the generated histories. The statements share
 * the substrings the scenarios edit (`weight * 1.5`, `discounted, 0`, `quantity > limit`...), so
 * one scenario runs unchanged in every language.
 */

export interface SampleLanguage {
  name: string;
  ext: string;
  lineComment: (text: string) => string;
  /** The pricing module every scenario starts from. */
  pricingModule: string;
  /** A second module that noise commits touch. */
  inventoryModule: string;
  /** A guard statement a fix might add (pure addition). */
  guard: string;
  /** Whether a formatter may break an assignment after its `=` (not in Python). */
  canSplitAssignments: boolean;
}

const typescript: SampleLanguage = {
  name: 'typescript',
  ext: 'ts',
  lineComment: (text) => `// ${text}`,
  guard: "if (weight < 0) throw new RangeError('negative weight');",
  canSplitAssignments: true,
  pricingModule: `import { round } from './math';
import type { Item } from './types';

/**
 * Pricing rules for the checkout.
 * Amounts are in the shop's currency.
 */
export function subtotal(items: Item[]): number {
  let total = 0;
  for (const item of items) {
    total += item.price * item.quantity;
  }
  return round(total, 2);
}

// Discounts are applied after tax.
export function applyDiscount(total: number, rate: number): number {
  const discounted = total - total * rate;
  return Math.max(discounted, 0);
}

export function clampQuantity(quantity: number, limit: number): number {
  if (quantity > limit) {
    return limit;
  }
  return quantity;
}

export function shippingCost(weight: number, zone: string): number {
  const base = weight * 1.5;
  const factor = zone === 'intl' ? 3 : 1;
  return base * factor;
}
`,
  inventoryModule: `import type { Stock } from './types';

export function available(stock: Stock, sku: string): number {
  const entry = stock.entries.find((candidate) => candidate.sku === sku);
  return entry === undefined ? 0 : entry.count;
}

export function reserve(stock: Stock, sku: string, count: number): boolean {
  const left = available(stock, sku);
  return left >= count;
}
`,
};

const python: SampleLanguage = {
  name: 'python',
  ext: 'py',
  lineComment: (text) => `# ${text}`,
  guard: "if weight < 0: raise ValueError('negative weight')",
  canSplitAssignments: false,
  pricingModule: `from .math import round_to


def subtotal(items):
    """Pricing rules for the checkout.

    Amounts are in the shop's currency.
    """
    total = 0
    for item in items:
        total += item.price * item.quantity
    return round_to(total, 2)


# Discounts are applied after tax.
def apply_discount(total, rate):
    discounted = total - total * rate
    return max(discounted, 0)


def clamp_quantity(quantity, limit):
    if quantity > limit:
        return limit
    return quantity


def shipping_cost(weight, zone):
    base = weight * 1.5
    factor = 3 if zone == 'intl' else 1
    return base * factor
`,
  inventoryModule: `def available(stock, sku):
    entry = next((e for e in stock.entries if e.sku == sku), None)
    return 0 if entry is None else entry.count


def reserve(stock, sku, count):
    left = available(stock, sku)
    return left >= count
`,
};

const go: SampleLanguage = {
  name: 'go',
  ext: 'go',
  lineComment: (text) => `// ${text}`,
  guard: 'if weight < 0 { panic("negative weight") }',
  canSplitAssignments: true,
  pricingModule: `package pricing

import "math"

/*
 * Pricing rules for the checkout.
 * Amounts are in the shop's currency.
 */
func Subtotal(items []Item) float64 {
	total := 0.0
	for _, item := range items {
		total += item.price * item.quantity
	}
	return roundTo(total, 2)
}

// Discounts are applied after tax.
func ApplyDiscount(total float64, rate float64) float64 {
	discounted := total - total * rate
	return math.Max(discounted, 0)
}

func ClampQuantity(quantity int, limit int) int {
	if quantity > limit {
		return limit
	}
	return quantity
}

func ShippingCost(weight float64, zone string) float64 {
	base := weight * 1.5
	factor := zoneFactor(zone, "intl")
	return base * factor
}
`,
  inventoryModule: `package pricing

func Available(stock Stock, sku string) int {
	entry, ok := stock.entries[sku]
	if !ok {
		return 0
	}
	return entry.count
}
`,
};

export const sampleLanguages: readonly SampleLanguage[] = [typescript, python, go];

/** Replaces the one line containing `find` with `replace` applied to it; throws if ambiguous. */
export function editLine(content: string, find: string, change: (line: string) => string): string {
  const lines = content.split('\n');
  const hits = lines.flatMap((line, index) => (line.includes(find) ? [index] : []));
  if (hits.length !== 1)
    throw new Error(`expected one line containing ${JSON.stringify(find)}, found ${hits.length}`);
  const index = hits[0] ?? 0;
  lines[index] = change(lines[index] ?? '');
  return lines.join('\n');
}

/** Substring replacement on the one line containing `find`. */
export const replaceIn = (content: string, find: string, replacement: string): string =>
  editLine(content, find, (line) => line.replace(find, replacement));

/** Inserts lines (indented like the anchor line) after the one line containing `find`. */
export function insertAfter(content: string, find: string, added: readonly string[]): string {
  return editLine(content, find, (line) => {
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    return [line, ...added.map((entry) => (entry === '' ? '' : `${indent}${entry}`))].join('\n');
  });
}

/** Re-indents every line: each leading `from` unit becomes a `to` unit (a formatter run). */
export function reindent(content: string, from: string, to: string): string {
  return content
    .split('\n')
    .map((line) => {
      let depth = 0;
      let rest = line;
      while (rest.startsWith(from)) {
        depth += 1;
        rest = rest.slice(from.length);
      }
      return to.repeat(depth) + rest;
    })
    .join('\n');
}

export const indentUnitOf = (language: SampleLanguage): string =>
  language.ext === 'go' ? '\t' : language.ext === 'py' ? '    ' : '  ';

/** What a formatter does to a long assignment: break after `=` and indent the value. */
export function splitAssignment(line: string, unit: string): string {
  const match = /^(\s*)(.*? :?= )(.*)$/.exec(line);
  if (match === null) throw new Error(`not an assignment: ${line}`);
  const [, indent = '', target = '', value = ''] = match;
  return `${indent}${target.trimEnd()}\n${indent}${unit}${value}`;
}
