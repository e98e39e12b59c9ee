// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteAccess } from '@/components/SiteAccessNotice';
import { SUGGESTED_LIMIT_MINUTES, Welcome } from '@/components/Welcome';
import type { BuiltInSiteId } from '@/utils/sites/types';
import { defaultSettings, type Settings } from '@/utils/storage/settings';
import { byRoleName, click, mount } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Site access as Chrome gives it (all granted), or as Firefox may (none until she allows). */
function access(granted: boolean, answer = true) {
  const allowed = new Set<BuiltInSiteId>();
  const asked: BuiltInSiteId[][] = [];
  const site: SiteAccess = {
    missing: async (ids) => (granted ? [] : ids.filter((id) => !allowed.has(id))),
    request: async (ids) => {
      asked.push(ids);
      if (answer) for (const id of ids) allowed.add(id);
      return answer;
    },
  };
  return { site, asked };
}

async function open(
  options: {
    granted?: boolean;
    answer?: boolean;
    save?: (change: (current: Settings) => Settings) => Promise<void>;
    firstRun?: boolean;
  } = {},
) {
  /** What was stored after each save: each change applied to the settings stored then. */
  const saved: Settings[] = [];
  const stored = () => saved.at(-1) ?? defaultSettings();
  const save = options.save ?? (async (change: (current: Settings) => Settings) => void saved.push(change(stored())));
  const { site, asked } = access(options.granted ?? true, options.answer);
  const props = {
    settings: defaultSettings(),
    save,
    access: site,
    browserName: 'firefox' as const,
    openDashboard: vi.fn(),
    close: vi.fn(),
    firstRun: options.firstRun ?? true,
  };
  const view = await mount(<Welcome {...props} />);
  const button = (name: string) => byRoleName(view, 'button', name);
  const heading = () => view.querySelector('h2')?.textContent;
  return { view, saved, asked, props, button, heading };
}

const checkbox = (view: HTMLElement, name: string) =>
  [...view.querySelectorAll('label')].find((label) => label.textContent === name)?.querySelector('input') as
    | HTMLInputElement
    | undefined;

async function toggle(input: HTMLInputElement | undefined) {
  if (!input) throw new Error('no such choice');
  await act(async () => {
    input.click();
  });
}

describe('the first-run page', () => {
  it('starts with what it does and what it keeps, then each step’s heading takes focus', async () => {
    const { view, button, heading } = await open();
    expect(view.querySelector('h1')?.textContent).toBe('Welcome to Outside the Frame');
    expect(heading()).toBe('What it does, and what it keeps');
    expect(view.textContent).toContain('Nothing is sent anywhere');
    expect(byRoleName(view, 'a', 'Privacy policy')?.getAttribute('href')).toBe('/privacy.html');
    expect(view.textContent).toContain('Step 1 of 3');
    await click(button('Next'));
    expect(heading()).toBe('Which sites to watch');
    expect(document.activeElement?.textContent).toBe('Which sites to watch');
  });

  it('keeps all ten sites on by default; switching one off is saved', async () => {
    const { view, button, saved, heading } = await open();
    await click(button('Next'));
    const boxes = [...view.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    expect(boxes).toHaveLength(10);
    expect(boxes.every((box) => box.checked)).toBe(true);
    await toggle(checkbox(view, 'TikTok'));
    await click(button('Next'));
    expect(saved.at(-1)?.sites.off).toEqual(['tiktok']);
    expect(heading()).toBe('A first daily limit');
  });

  it('keeps what changed elsewhere meanwhile: each step changes only its own choices', async () => {
    const { view, button, saved } = await open();
    // Her limit set in the popup (or synced from another device) after the page opened.
    const meanwhile = defaultSettings();
    meanwhile.boundaries.dailyLimitMinutes = 50;
    meanwhile.tracking.idleThresholdSeconds = 90;
    saved.push(meanwhile);
    await click(button('Next'));
    await toggle(checkbox(view, 'TikTok'));
    await click(button('Next'));
    expect(saved.at(-1)?.sites.off).toEqual(['tiktok']);
    expect(saved.at(-1)?.boundaries.dailyLimitMinutes).toBe(50);
    expect(saved.at(-1)?.tracking.idleThresholdSeconds).toBe(90);
  });

  it('asks for at least one site, and saves nothing with none', async () => {
    const { view, button, saved } = await open();
    await click(button('Next'));
    for (const box of view.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')) await toggle(box);
    await click(button('Next'));
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('Choose at least one site');
    expect(saved).toEqual([]);
  });

  it('where the browser has not allowed the chosen sites, asks for them from her click', async () => {
    const { view, button, asked } = await open({ granted: false });
    await click(button('Next'));
    await toggle(checkbox(view, 'LinkedIn'));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(view.textContent).toContain('Until you do, nothing is counted there.');
    await click(button('Allow Outside the Frame on these sites'));
    expect(asked).toHaveLength(1);
    expect(asked[0]).not.toContain('linkedin');
    expect(asked[0]).toHaveLength(9);
    expect(view.querySelector('[role="status"]')?.textContent).toBe('Allowed on all the sites you chose.');
    expect(button('Allow Outside the Frame on these sites')).toBeUndefined();
  });

  it('says so when the browser was not allowed', async () => {
    const { view, button } = await open({ granted: false, answer: false });
    await click(button('Next'));
    await click(button('Allow Outside the Frame on these sites'));
    expect(view.querySelector('[role="status"]')?.textContent).toContain('Some sites are not allowed yet');
  });

  it('shows no permission step where the browser granted the sites at install', async () => {
    const { view, button } = await open({ granted: true });
    await click(button('Next'));
    expect(button('Allow Outside the Frame on these sites')).toBeUndefined();
    expect(view.textContent).not.toContain('nothing is counted there');
  });

  it('suggests a 30-minute limit and gentle reminders, and saves them', async () => {
    const { button, saved, heading } = await open();
    await click(button('Next'));
    await click(button('Next'));
    await click(button('Next'));
    const last = saved.at(-1);
    expect(last?.boundaries.dailyLimitMinutes).toBe(SUGGESTED_LIMIT_MINUTES);
    expect(last?.nudges.frequency).toBe('gentle');
    expect(heading()).toBe('Keep it within reach');
  });

  it('takes another amount or none, and another frequency; refuses minutes out of range', async () => {
    const { view, button, saved } = await open();
    await click(button('Next'));
    await click(button('Next'));
    await toggle(checkbox(view, 'Another amount'));
    const minutes = view.querySelector<HTMLInputElement>('input[type="number"]');
    await act(async () => {
      if (!minutes) throw new Error('no minutes field');
      minutes.value = '0';
      minutes.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button('Next'));
    expect(view.querySelector('[role="alert"]')?.textContent).toBe(
      'A limit is a whole number of minutes, from 1 to 1440.',
    );
    const before = saved.length;
    expect(saved.at(-1)?.boundaries.dailyLimitMinutes).not.toBe(0);
    await act(async () => {
      if (!minutes) throw new Error('no minutes field');
      minutes.value = '45';
      minutes.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await toggle(checkbox(view, 'Balanced: a little more often (up to 8 a day)'));
    await click(button('Next'));
    expect(saved).toHaveLength(before + 1);
    expect(saved.at(-1)?.boundaries.dailyLimitMinutes).toBe(45);
    expect(saved.at(-1)?.nudges.frequency).toBe('balanced');
  });

  it('reopened later with no limit, keeps “Not now” chosen (no limit set by going through)', async () => {
    const { view, button, saved } = await open({ firstRun: false });
    await click(button('Next'));
    await click(button('Next'));
    const notNow = checkbox(view, 'Not now');
    expect(notNow?.checked).toBe(true);
    await click(button('Next'));
    expect(saved.at(-1)?.boundaries.dailyLimitMinutes).toBeNull();
  });

  it('takes “Not now”: no limit', async () => {
    const { view, button, saved } = await open();
    await click(button('Next'));
    await click(button('Next'));
    await toggle(checkbox(view, 'Not now'));
    await click(button('Next'));
    expect(saved.at(-1)?.boundaries.dailyLimitMinutes).toBeNull();
  });

  it('keeps her on the step with a calm message when saving fails', async () => {
    const { view, button, heading } = await open({
      save: async () => {
        throw new Error('quota');
      },
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await click(button('Next'));
    await click(button('Next'));
    expect(heading()).toBe('Which sites to watch');
    expect(view.querySelector('[role="alert"]')?.textContent).toBe(
      'That didn’t save, so nothing changed. Please try again.',
    );
  });

  it('ends with how to pin the button in this browser, the dashboard and Done', async () => {
    const { view, button, props } = await open();
    for (let step = 0; step < 3; step++) await click(button('Next'));
    expect(view.textContent).toContain('choose Pin to Toolbar');
    await click(button('Open the dashboard'));
    expect(props.openDashboard).toHaveBeenCalled();
    await click(button('Done'));
    expect(props.close).toHaveBeenCalled();
  });
});
