/**
 * A small reader for the project's own Markdown documents (the privacy policy), shown in an
 * extension page: headings, paragraphs, lists, tables, **strong**, _emphasis_ and `code`.
 * Everything becomes elements and text, never HTML from the document.
 */
import type { ComponentChild } from 'preact';

/** Inline marks: **strong**, _emphasis_ and `code`. */
function inline(text: string): ComponentChild[] {
  const parts: ComponentChild[] = [];
  const pattern = /\*\*(.+?)\*\*|_(.+?)_|`(.+?)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const [, strong, em, code] = match;
    parts.push(strong ? <strong>{inline(strong)}</strong> : em ? <em>{inline(em)}</em> : <code>{code}</code>);
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

type Block =
  | { kind: 'h1' | 'h2' | 'p'; text: string }
  | { kind: 'ul'; items: string[] }
  | { kind: 'table'; rows: string[][] };

/** The document's blocks, in order. */
export function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  for (const chunk of markdown.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    const first = lines[0];
    if (!first) continue;
    if (first.startsWith('## ')) out.push({ kind: 'h2', text: first.slice(3) });
    else if (first.startsWith('# ')) out.push({ kind: 'h1', text: first.slice(2) });
    else if (first.startsWith('|')) {
      out.push({ kind: 'table', rows: lines.filter((line) => !/^\|[\s|:-]+\|$/.test(line.trim())).map(cells) });
    } else if (first.startsWith('- ')) {
      const items: string[] = [];
      for (const line of lines) {
        if (line.startsWith('- ')) items.push(line.slice(2));
        else items[items.length - 1] += ` ${line.trim()}`;
      }
      out.push({ kind: 'ul', items });
    } else out.push({ kind: 'p', text: lines.map((line) => line.trim()).join(' ') });
  }
  return out;
}

export function Markdown({ source }: { source: string }) {
  return (
    <>
      {blocks(source).map((block, index) => {
        switch (block.kind) {
          case 'h1':
            return <h1 key={index}>{inline(block.text)}</h1>;
          case 'h2':
            return <h2 key={index}>{inline(block.text)}</h2>;
          case 'p':
            return <p key={index}>{inline(block.text)}</p>;
          case 'ul':
            return (
              <ul key={index}>
                {block.items.map((item) => (
                  <li key={item}>{inline(item)}</li>
                ))}
              </ul>
            );
          default: {
            const [head = [], ...rows] = block.rows;
            return (
              <table key={index}>
                <thead>
                  <tr>
                    {head.map((cell) => (
                      <th key={cell} scope="col">
                        {inline(cell)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.join('|')}>
                      {row.map((cell, column) => (
                        <td key={`${column}-${cell}`}>{inline(cell)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          }
        }
      })}
    </>
  );
}
