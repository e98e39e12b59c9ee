// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blocks, Markdown } from '@/components/Markdown';
import { mount } from './render';

const POLICY = readFileSync(join(__dirname, '../../PRIVACY.md'), 'utf8');

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the privacy policy inside the extension', () => {
  it('shows every heading, paragraph, list and table of PRIVACY.md, with no Markdown marks left', async () => {
    const view = await mount(<Markdown source={POLICY} />);
    const headings = [...POLICY.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings.length).toBeGreaterThan(3);
    expect([...view.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(headings);
    expect(view.querySelector('h1')?.textContent).toBe('Privacy policy — Outside the Frame');
    const table = view.querySelector('table');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent)).toEqual([
      'What',
      'For how long',
    ]);
    expect(table?.querySelectorAll('tbody tr').length).toBeGreaterThan(5);
    expect(view.querySelectorAll('li').length).toBeGreaterThan(2);
    expect(view.textContent).not.toMatch(/\*\*|^#|\|/m);
    expect(view.textContent).toContain('makes no network requests');
  });

  it('reads marks as elements, never as HTML', async () => {
    const view = await mount(<Markdown source={'A **strong** and _soft_ `code` <img src=x onerror=alert(1)>'} />);
    expect(view.querySelector('strong')?.textContent).toBe('strong');
    expect(view.querySelector('em')?.textContent).toBe('soft');
    expect(view.querySelector('code')?.textContent).toBe('code');
    expect(view.querySelector('img')).toBeNull();
    expect(view.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('joins a list item’s wrapped lines and skips a table’s divider row', () => {
    expect(blocks('- one\n  more\n- two')).toEqual([{ kind: 'ul', items: ['one more', 'two'] }]);
    expect(blocks('| a | b |\n| - | - |\n| 1 | 2 |')).toEqual([
      {
        kind: 'table',
        rows: [
          ['a', 'b'],
          ['1', '2'],
        ],
      },
    ]);
  });
});
