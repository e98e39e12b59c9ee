import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { builtInSiteAccess } from '@/utils/sites/access';

/** The browser allows every origin except Instagram's when `instagramTakenBack`. */
function grants(instagramTakenBack: boolean) {
  return vi
    .spyOn(fakeBrowser.permissions, 'contains')
    .mockImplementation(async ({ origins = [] }) =>
      origins.every((origin) => !(instagramTakenBack && origin.includes('instagram.com'))),
    );
}

describe('the browser’s access to the built-in sites', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('asks once when every site is allowed (as on Chrome), and finds nothing missing', async () => {
    const contains = grants(false);
    expect(await builtInSiteAccess.missing(['instagram', 'facebook', 'x'])).toEqual([]);
    expect(contains).toHaveBeenCalledTimes(1);
  });

  it('names the sites taken back, site by site', async () => {
    grants(true);
    expect(await builtInSiteAccess.missing(['instagram', 'facebook', 'x'])).toEqual(['instagram']);
  });

  it('counts a site as missing when the browser cannot say', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValue(new Error('no permissions API'));
    expect(await builtInSiteAccess.missing(['facebook'])).toEqual(['facebook']);
  });
});
