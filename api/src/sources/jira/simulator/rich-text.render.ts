import type { SimBlock } from './simulator-dataset';

/** An Atlassian Document Format node, as Cloud's v3 API returns it. */
export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | null>;
  marks?: { type: string }[];
  content?: AdfNode[];
}

const textNode = (text: string): AdfNode => ({ type: 'text', text });
const paragraph = (text: string): AdfNode => ({
  type: 'paragraph',
  content: text === '' ? [] : [textNode(text)],
});

let localIds = 0;
function blockToAdf(block: SimBlock): AdfNode {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', attrs: { level: block.level }, content: [textNode(block.text)] };
    case 'paragraph':
      return paragraph(block.text);
    case 'bulletList':
    case 'orderedList':
      return {
        type: block.type,
        ...(block.type === 'orderedList' ? { attrs: { order: 1 } } : {}),
        content: block.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
      };
    case 'taskList':
      localIds += 1;
      return {
        type: 'taskList',
        attrs: { localId: `tl-${localIds}` },
        content: block.items.map((item, index) => ({
          type: 'taskItem',
          attrs: { localId: `ti-${localIds}-${index}`, state: item.done ? 'DONE' : 'TODO' },
          content: [textNode(item.text)],
        })),
      };
    case 'table':
      return {
        type: 'table',
        attrs: { isNumberColumnEnabled: false, layout: 'default' },
        content: block.rows.map((row, rowIndex) => ({
          type: 'tableRow',
          content: row.map((cell) => ({
            type: rowIndex === 0 ? 'tableHeader' : 'tableCell',
            attrs: {},
            content: [paragraph(cell)],
          })),
        })),
      };
  }
}

export function toAdf(blocks: SimBlock[]): AdfNode {
  return { type: 'doc', attrs: { version: 1 }, content: blocks.map(blockToAdf) };
}

function blockToWiki(block: SimBlock): string {
  switch (block.type) {
    case 'heading':
      return `h${block.level}. ${block.text}`;
    case 'paragraph':
      return block.text;
    case 'bulletList':
      return block.items.map((item) => `* ${item}`).join('\n');
    case 'orderedList':
      return block.items.map((item) => `# ${item}`).join('\n');
    case 'taskList':
      // Data Center has no native checklist; teams write them as bullets with [ ] / [x].
      return block.items.map((item) => `* [${item.done ? 'x' : ' '}] ${item.text}`).join('\n');
    case 'table':
      return block.rows
        .map((row, index) => (index === 0 ? `||${row.join('||')}||` : `|${row.join('|')}|`))
        .join('\n');
  }
}

/** Jira wiki markup, as Data Center (and Cloud's v2 API) returns rich text fields. */
export function toWiki(blocks: SimBlock[]): string {
  return blocks.map(blockToWiki).join('\n\n');
}
