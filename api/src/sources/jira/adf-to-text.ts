import { z } from 'zod';

/**
 * Atlassian Document Format (Cloud v3 rich text) to plain text that keeps the structure the
 * analysis reads: headings (`## Title`), bullet (`- `), ordered (`1. `) and task lists
 * (`- [ ] ` / `- [x] `), tables (`| a | b |`), quotes and code blocks. Data Center bodies are wiki
 * markup strings already and pass through `richTextToPlain` unchanged.
 */
export interface AdfNode {
  type: string;
  text?: string | undefined;
  attrs?: Record<string, unknown> | undefined;
  content?: AdfNode[] | undefined;
}

const adfNodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z.object({
    type: z.string(),
    text: z.string().optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(adfNodeSchema).optional(),
  }),
);

const attrText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

function inline(nodes: AdfNode[] | undefined): string {
  let out = '';
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text':
        out += node.text ?? '';
        break;
      case 'hardBreak':
        out += '\n';
        break;
      case 'mention':
      case 'emoji':
      case 'status':
        out += attrText(node.attrs?.text) ?? attrText(node.attrs?.shortName) ?? '';
        break;
      case 'inlineCard':
        out += attrText(node.attrs?.url) ?? '';
        break;
      case 'date':
        out +=
          typeof node.attrs?.timestamp === 'string'
            ? new Date(Number(node.attrs.timestamp)).toISOString().slice(0, 10)
            : '';
        break;
      default:
        out += inline(node.content);
    }
  }
  return out;
}

const indent = (text: string, prefix: string): string =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : `${prefix}${line}`))
    .join('\n');

function listItem(node: AdfNode, marker: string): string {
  const [first = '', ...rest] = (node.content ?? []).map((child) => block(child));
  const nested = rest.length === 0 ? '' : `\n${indent(rest.join('\n'), '  ')}`;
  return `${marker}${first}${nested}`;
}

function cellText(node: AdfNode): string {
  return (node.content ?? [])
    .map(block)
    .join(' ')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}

function block(node: AdfNode): string {
  const children = node.content ?? [];
  switch (node.type) {
    case 'doc':
      return children
        .map(block)
        .filter((text) => text !== '')
        .join('\n\n');
    case 'paragraph':
      return inline(children);
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1))))} ${inline(children)}`;
    case 'bulletList':
      return children.map((item) => listItem(item, '- ')).join('\n');
    case 'orderedList': {
      const start = Number(node.attrs?.order ?? 1);
      return children.map((item, index) => listItem(item, `${start + index}. `)).join('\n');
    }
    case 'taskList':
    case 'decisionList':
      return children.map(block).join('\n');
    case 'taskItem':
      return `- [${node.attrs?.state === 'DONE' ? 'x' : ' '}] ${inline(children)}`;
    case 'decisionItem':
      return `- ${inline(children)}`;
    case 'table':
      return children
        .map((row) => `| ${(row.content ?? []).map(cellText).join(' | ')} |`)
        .join('\n');
    case 'blockquote':
      return indent(children.map(block).join('\n'), '> ');
    case 'codeBlock':
      return `\`\`\`\n${inline(children)}\n\`\`\``;
    case 'rule':
      return '---';
    case 'panel':
    case 'layoutSection':
    case 'layoutColumn':
    case 'listItem':
      return children
        .map(block)
        .filter((text) => text !== '')
        .join('\n');
    case 'expand':
    case 'nestedExpand':
      return [typeof node.attrs?.title === 'string' ? node.attrs.title : '', ...children.map(block)]
        .filter((text) => text !== '')
        .join('\n');
    case 'mediaSingle':
    case 'mediaGroup':
    case 'media':
      return '';
    default:
      return node.text ?? inline(children);
  }
}

export function adfToText(document: AdfNode): string {
  return block(document).trim();
}

/** A rich text value as Jira returns it (ADF object, wiki string, or nothing) to plain text. */
export function richTextToPlain(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  const parsed = adfNodeSchema.safeParse(value);
  if (!parsed.success) throw new Error('rich text is neither a string nor an ADF document');
  const text = adfToText(parsed.data);
  return text === '' ? null : text;
}
