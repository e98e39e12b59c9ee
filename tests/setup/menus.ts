/**
 * WXT's fake browser has no context menus or commands: give it small in-memory ones (events
 * that tests can trigger; menu items kept in a list), fresh before each test.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (...args: unknown[]) => unknown;

export function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => {
      const index = listeners.indexOf(listener);
      if (index >= 0) listeners.splice(index, 1);
    },
    hasListener: (listener: Listener) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: unknown[]) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

/** One of these events, with the `trigger` the fake has. */
export const triggerable = (event: unknown) => event as ReturnType<typeof fakeEvent>;

export const menuItems: { id?: string | number }[] = [];

function install() {
  menuItems.length = 0;
  Object.assign(fakeBrowser.contextMenus, {
    create: (properties: { id?: string }) => {
      menuItems.push(properties);
      return properties.id;
    },
    removeAll: async () => {
      menuItems.length = 0;
    },
    onClicked: fakeEvent(),
  });
  Object.assign(fakeBrowser.commands, { getAll: async () => [], onCommand: fakeEvent() });
}

install();
beforeEach(install);
