// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SitePermissions, SitesPanel } from '@/components/SitesPanel';
import { newUserSite, type SiteSettings } from '@/utils/sites/userSites';
import { byRoleName, click, mount } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

function fakePermissions(granted: Set<string>, answer = true) {
  const listeners = new Set<() => void>();
  const permissions: SitePermissions & { changed(): void } = {
    contains: vi.fn(async (domain: string) => granted.has(domain)),
    request: vi.fn(async (domain: string) => {
      if (answer) granted.add(domain);
      return answer;
    }),
    remove: vi.fn(async (domain: string) => void granted.delete(domain)),
    watch: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    changed: () => {
      for (const listener of listeners) listener();
    },
  };
  return permissions;
}

async function type(view: HTMLElement, selector: string, value: string) {
  const input = view.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(view: HTMLElement) {
  await act(async () => {
    view.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const status = (view: HTMLElement) => view.querySelector('[role="status"]')?.textContent ?? '';

describe('sites', () => {
  it('switches a built-in site off and on, saving each change and saying what it means', async () => {
    const save = vi.fn(async (_sites: SiteSettings) => undefined);
    const view = await mount(
      <SitesPanel sites={{ off: ['x'], added: [] }} save={save} permissions={fakePermissions(new Set())} />,
    );
    const boxes = [...view.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    expect(boxes).toHaveLength(10);
    expect(boxes.map((box) => box.checked).filter((on) => !on)).toHaveLength(1);
    const instagram = byRoleName(view, 'label', 'Instagram')?.querySelector('input') as HTMLInputElement;
    await click(instagram);
    expect(save).toHaveBeenLastCalledWith({ off: ['x', 'instagram'], added: [] });
    expect(status(view)).toBe('Instagram is off: nothing is counted or shown there, on pages open now too.');
    const x = byRoleName(view, 'label', 'X')?.querySelector('input') as HTMLInputElement;
    await click(x);
    expect(save).toHaveBeenLastCalledWith({ off: ['instagram'], added: [] });
    expect(status(view)).toBe('X is on again: pages you open from now on count.');
  });

  it('adds her own site by address, asking the browser for that site alone, and lists it as counted', async () => {
    const save = vi.fn(async (_sites: SiteSettings) => undefined);
    const permissions = fakePermissions(new Set());
    const view = await mount(
      <SitesPanel sites={{ off: [], added: [] }} save={save} permissions={permissions} now={() => 42} />,
    );
    expect(view.textContent).toContain('None yet.');
    await type(view, '#site-address', 'https://www.Example.org/feed');
    await type(view, '#site-name', 'Example news');
    await submit(view);
    expect(permissions.request).toHaveBeenCalledExactlyOnceWith('example.org');
    expect(save).toHaveBeenLastCalledWith({
      off: [],
      added: [{ id: 'site:example.org', domain: 'example.org', name: 'Example news', addedAt: 42 }],
    });
    expect(status(view)).toBe('Added Example news. Time, limits and reminders work there from now on.');
    expect(view.querySelector('.accounts-list li')?.textContent).toContain('Counted in this browser');
    expect(view.querySelector<HTMLInputElement>('#site-address')?.value).toBe('');
  });

  it('keeps a site the browser did not allow, says so, and offers Allow', async () => {
    const granted = new Set<string>();
    const permissions = fakePermissions(granted, false);
    const view = await mount(
      <SitesPanel sites={{ off: [], added: [] }} save={async () => undefined} permissions={permissions} />,
    );
    await type(view, '#site-address', 'example.org');
    await submit(view);
    expect(status(view)).toContain('your browser hasn’t allowed Outside the Frame there');
    expect(view.querySelector('.accounts-list')?.textContent).toContain('Not allowed in this browser yet');
    // Allowed later, elsewhere (the browser's own settings): the list follows.
    granted.add('example.org');
    await act(async () => {
      permissions.changed();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(view.querySelector('.accounts-list')?.textContent).toContain('Counted in this browser');
    expect(byRoleName(view, 'button', 'Allow Outside the Frame on example.org')).toBeUndefined();
  });

  it('allows a site from its own button', async () => {
    const permissions = fakePermissions(new Set());
    const view = await mount(
      <SitesPanel
        sites={{ off: [], added: [newUserSite('example.org', 'Example', 1)] }}
        save={async () => undefined}
        permissions={permissions}
      />,
    );
    await click(byRoleName(view, 'button', 'Allow Outside the Frame on Example'));
    expect(permissions.request).toHaveBeenCalledWith('example.org');
    expect(status(view)).toBe('Example is allowed: time, limits and reminders work there from now on.');
  });

  it('removes a site with its permission, and Undo adds it back', async () => {
    const save = vi.fn(async (_sites: SiteSettings) => undefined);
    const granted = new Set(['example.org']);
    const permissions = fakePermissions(granted);
    const site = newUserSite('example.org', 'Example', 1);
    const view = await mount(<SitesPanel sites={{ off: [], added: [site] }} save={save} permissions={permissions} />);
    await click(byRoleName(view, 'button', 'Remove Example'));
    expect(permissions.remove).toHaveBeenCalledWith('example.org');
    expect(save).toHaveBeenLastCalledWith({ off: [], added: [] });
    expect(status(view)).toContain('Removed Example, and the browser’s permission for it.');
    await click(byRoleName(view, 'button', 'Undo'));
    expect(permissions.request).toHaveBeenCalledWith('example.org');
    expect(save).toHaveBeenLastCalledWith({ off: [], added: [site] });
  });

  it.each([
    ['', 'Type the site’s address first'],
    ['not a site', 'doesn’t look like a web address'],
    ['www.instagram.com', 'That’s Instagram, one of the built-in sites'],
    ['example.org', 'already in your list'],
  ])('says what is wrong with %j, asks nothing and changes nothing', async (address, words) => {
    const save = vi.fn(async () => undefined);
    const permissions = fakePermissions(new Set());
    const view = await mount(
      <SitesPanel
        sites={{ off: [], added: [newUserSite('example.org', '', 1)] }}
        save={save}
        permissions={permissions}
      />,
    );
    await type(view, '#site-address', address);
    await submit(view);
    const problem = view.querySelector('#site-address-problem');
    expect(problem?.getAttribute('role')).toBe('alert');
    expect(problem?.textContent).toContain(words);
    expect(view.querySelector('#site-address')?.getAttribute('aria-invalid')).toBe('true');
    expect(permissions.request).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
  });

  it('says when a change could not be saved, and keeps the list as it was', async () => {
    const view = await mount(
      <SitesPanel
        sites={{ off: [], added: [] }}
        save={async () => {
          throw new Error('quota');
        }}
        permissions={fakePermissions(new Set())}
      />,
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await click(byRoleName(view, 'label', 'Reddit')?.querySelector('input'));
    expect(view.querySelector('[role="alert"]')?.textContent).toBe(
      'That change couldn’t be saved, so nothing changed. Please try again.',
    );
  });
});
