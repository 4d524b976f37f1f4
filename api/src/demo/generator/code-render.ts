import { Random } from './random';
import type { Language } from './vocabulary';

/**
 * Source text for the demo repositories. A function is a signature, `length - 2` one-line
 * statements and a closing line; every statement line names identifiers unique to its function,
 * so blame never confuses two functions, and a changed line (`version` > 0) is a real code
 * change (another constant, operator or call), never a layout-only edit the tracer would skip.
 */

const subjects = [
  'order',
  'account',
  'invoice',
  'session',
  'query',
  'batch',
  'tenant',
  'event',
  'record',
  'payload',
  'entry',
  'request',
];
const actions = [
  'normalize',
  'apply',
  'resolve',
  'compute',
  'merge',
  'score',
  'validate',
  'collect',
  'expand',
  'reconcile',
  'throttle',
  'project',
];
const fields = [
  'total',
  'limit',
  'count',
  'weight',
  'offset',
  'retries',
  'amount',
  'ttl',
  'rank',
  'size',
];
const operators = ['>', '>=', '<', '<=', '===', '!=='];

export function functionName(fnId: number, isTest: boolean): string {
  const random = Random.fork(fnId, 'name');
  const name = `${random.pick(actions)}${capital(random.pick(subjects))}${fnId.toString(36)}`;
  return isTest ? `test${capital(name)}` : name;
}

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const snake = (word: string): string =>
  word.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export function renderFunction(
  language: Language,
  fnId: number,
  length: number,
  isTest: boolean,
  versions: ReadonlyMap<number, number>,
): string[] {
  const name = functionName(fnId, isTest);
  const target = functionName(fnId, false);
  const tag = fnId.toString(36);
  const lines: string[] = [];
  lines.push(signature(language, name, isTest, tag));
  for (let line = 1; line < length - 1; line += 1) {
    lines.push(statement(language, fnId, line, versions.get(line) ?? 0, isTest, target, tag));
  }
  lines.push(closing(language, tag, isTest, versions.get(length - 1) ?? 0));
  return lines;
}

function signature(language: Language, name: string, isTest: boolean, tag: string): string {
  if (language === 'python')
    return isTest
      ? `def ${snake(name)}():`
      : `def ${snake(name)}(item_${tag}, options_${tag}=None):`;
  if (language === 'go')
    return isTest
      ? `func ${capital(name)}(t *testing.T) {`
      : `func ${capital(name)}(item${tag} *Item, limit${tag} int) (int, error) {`;
  return isTest
    ? `test('${name}', () => {`
    : `export function ${name}(item${tag}: Item, limit${tag}: number): number {`;
}

function closing(language: Language, tag: string, isTest: boolean, version: number): string {
  if (language === 'python')
    return isTest ? `    assert result_${tag} is not None` : `    return acc_${tag} + ${version}`;
  if (language === 'go') return isTest ? '}' : '}';
  return isTest ? '});' : '}';
}

function statement(
  language: Language,
  fnId: number,
  line: number,
  version: number,
  isTest: boolean,
  target: string,
  tag: string,
): string {
  const random = Random.fork(fnId * 131 + line, 'stmt', version);
  const field = random.pick(fields);
  const constant = random.int(2, 500);
  const operator = random.pick(operators);
  const kind = isTest ? 'assert' : random.pick(['assign', 'guard', 'call', 'assign', 'accumulate']);
  const v = `v${line}_${tag}`;
  if (language === 'python') {
    switch (kind) {
      case 'assert':
        return `    assert ${snake(target)}(make_item(${field}=${constant}), None) == ${random.int(0, 900)}`;
      case 'guard':
        return `    if item_${tag}.${field} ${operator.replace('===', '==').replace('!==', '!=')} ${constant}: return ${random.int(0, 9)}`;
      case 'call':
        return `    ${v} = ${random.pick(actions)}_${random.pick(subjects)}(item_${tag}, ${constant})`;
      case 'accumulate':
        return `    acc_${tag} = ${line === 1 ? 0 : `acc_${tag}`} + item_${tag}.${field} * ${constant}`;
      default:
        return `    ${v} = item_${tag}.${field} ${random.pick(['+', '-', '*', '//'])} ${constant}`;
    }
  }
  if (language === 'go') {
    switch (kind) {
      case 'assert':
        return `\tif got := ${capital(target)}(&Item{${capital(field)}: ${constant}}, ${random.int(1, 90)}); got != ${random.int(0, 900)} { t.Fatalf("${tag}: got %d", got) }`;
      case 'guard':
        return `\tif item${tag}.${capital(field)} ${operator.replace('===', '==').replace('!==', '!=')} ${constant} { return ${random.int(0, 9)}, nil }`;
      case 'call':
        return `\t${v} := ${random.pick(actions)}${capital(random.pick(subjects))}(item${tag}, ${constant}); _ = ${v}`;
      case 'accumulate':
        return `\tacc${tag} ${line === 1 ? ':=' : '+='} item${tag}.${capital(field)} * ${constant}; _ = acc${tag}`;
      default:
        return `\t${v} := item${tag}.${capital(field)} ${random.pick(['+', '-', '*', '/'])} ${constant}; _ = ${v}`;
    }
  }
  switch (kind) {
    case 'assert':
      return `  expect(${target}(makeItem({ ${field}: ${constant} }), ${random.int(1, 90)})).toBe(${random.int(0, 900)});`;
    case 'guard':
      return `  if (item${tag}.${field} ${operator} ${constant}) return ${random.int(0, 9)};`;
    case 'call':
      return `  const ${v} = ${random.pick(actions)}${capital(random.pick(subjects))}(item${tag}, ${constant});`;
    case 'accumulate':
      return `  ${line === 1 ? 'let ' : ''}acc${tag} = ${line === 1 ? '0' : `acc${tag}`} + item${tag}.${field} * ${constant};`;
    default:
      return `  const ${v} = item${tag}.${field} ${random.pick(['+', '-', '*', '/'])} ${constant};`;
  }
}

/** The first lines of a new file. */
export function fileHeader(language: Language, path: string, isTest: boolean): string[] {
  const module =
    path
      .split('/')
      .at(-1)
      ?.replace(/\.\w+$/, '') ?? 'module';
  if (language === 'python')
    return isTest
      ? [
          `from app.${module.replace(/^test_/, '')} import *`,
          'from tests.factories import make_item',
          '',
        ]
      : [`"""${module}: generated for the demo organisation."""`, 'from app.model import *', ''];
  if (language === 'go')
    return isTest ? ['package app', '', 'import "testing"', ''] : ['package app', ''];
  return isTest
    ? [`import { makeItem } from '../test/factories';`, '']
    : [`import type { Item } from './model';`, ''];
}

/**
 * Files per directory at most. Real repositories nest their code, and git writes a directory's
 * whole tree object again on every commit that touches it: a flat `src/` grew to 30,000 files at a
 * million PRs, and `git fast-import` spent most of the generation rewriting it.
 */
const filesPerModule = 100;

export function sourcePath(
  language: Language,
  area: string,
  index: number,
  isTest: boolean,
): string {
  const name = area.replace(/\s+/g, '_');
  const group = Math.floor((index - 1) / filesPerModule);
  const directory = group === 0 ? name : `${name}_${group + 1}`;
  const base = `${name}_${index}`;
  if (language === 'python')
    return isTest ? `tests/${directory}/test_${base}.py` : `app/${directory}/${base}.py`;
  if (language === 'go')
    return isTest ? `internal/${directory}/${base}_test.go` : `internal/${directory}/${base}.go`;
  const camel = base.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
  return isTest ? `src/${directory}/${camel}.test.ts` : `src/${directory}/${camel}.ts`;
}
