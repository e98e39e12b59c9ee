/**
 * WXT's fake browser has no optional permissions or script registration: give it small
 * in-memory ones, fresh before each test. Origins named in the manifest are granted; others
 * once `request` is answered yes (`answerRequests`), as her click in the browser's question
 * would. Registered scripts are kept in a list; injected files are recorded.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { contentScriptMatches } from '@/utils/sites/registry';
import { fakeEvent, triggerable } from './menus';

type Registered = { id: string; matches?: string[]; js?: string[]; runAt?: string; persistAcrossSessions?: boolean };

export const permissionsState = {
  granted: new Set<string>(),
  /** How the next requests are answered. */
  answer: true,
  registered: [] as Registered[],
  injected: [] as { tabId: number; files: string[] }[],
  requests: 0,
};

function install() {
  permissionsState.granted = new Set(contentScriptMatches());
  permissionsState.answer = true;
  permissionsState.registered = [];
  permissionsState.injected = [];
  permissionsState.requests = 0;
  const onAdded = fakeEvent();
  const onRemoved = fakeEvent();
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) =>
      origins.every((origin) => permissionsState.granted.has(origin)),
    getAll: async () => ({ permissions: [], origins: [...permissionsState.granted] }),
    request: async ({ origins = [] }: { origins?: string[] }) => {
      permissionsState.requests++;
      if (!permissionsState.answer) return false;
      const fresh = origins.filter((origin) => !permissionsState.granted.has(origin));
      for (const origin of fresh) permissionsState.granted.add(origin);
      if (fresh.length > 0) await triggerable(onAdded).trigger({ origins: fresh });
      return true;
    },
    remove: async ({ origins = [] }: { origins?: string[] }) => {
      const gone = origins.filter((origin) => permissionsState.granted.delete(origin));
      if (gone.length > 0) await triggerable(onRemoved).trigger({ origins: gone });
      return gone.length > 0;
    },
    onAdded,
    onRemoved,
  });
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: async () => structuredClone(permissionsState.registered),
      registerContentScripts: async (scripts: Registered[]) => {
        for (const script of scripts) {
          if (permissionsState.registered.some((other) => other.id === script.id))
            throw new Error(`Duplicate script ID '${script.id}'`);
        }
        permissionsState.registered.push(...structuredClone(scripts));
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        permissionsState.registered = permissionsState.registered.filter((script) => !ids.includes(script.id));
      },
      executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
        permissionsState.injected.push({ tabId: target.tabId, files });
        return [];
      },
    },
  });
}

install();
beforeEach(install);
