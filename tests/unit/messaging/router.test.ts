import { describe, expect, it, vi } from 'vitest';
import { type MessageType, parseMessage, REQUESTS } from '@/utils/messaging/protocol';
import { createRouter, type Handlers, type MessageSender } from '@/utils/messaging/router';
import { emptyAccounts } from '@/utils/mute/accounts';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';

const OWN_ID = 'outside-the-frame@example';
const SENDER: MessageSender = {
  id: OWN_ID,
  url: 'https://www.instagram.com/',
  frameId: 0,
  tab: { id: 7, windowId: 1 },
};

function setUp(overrides: Partial<Handlers> = {}) {
  const handlers = {
    'activity/report': vi.fn(async () => ({ ok: true, settled: 1, countedMs: 1_000 })),
    'boundary/extend': vi.fn(async () => ({ ok: true as const })),
    'boundary/pauseToday': vi.fn(async () => ({ ok: true as const })),
    'boundary/warned': vi.fn(async () => ({ ok: true as const })),
    'boundary/leave': vi.fn(async () => ({ ok: true as const })),
    'frame/done': vi.fn(async () => false),
    'nudge/request': vi.fn(async () => ({ show: false as const, reason: 'off' as const })),
    'nudge/outcome': vi.fn(async () => ({ ok: true })),
    'posts/seen': vi.fn(async () => ({ suggestion: null })),
    'posts/classify': vi.fn(async () => ({ verdicts: [] })),
    'posts/markWorse': vi.fn(async () => ({ suggestion: null })),
    'posts/act': vi.fn(async () => ({ ok: true })),
    'posts/detection': vi.fn(async () => ({ ok: true })),
    'accounts/act': vi.fn(async () => ({ ok: true, accounts: emptyAccounts() })),
    'accounts/triggerWords': vi.fn(async () => ({ ok: true, accounts: emptyAccounts() })),
    'journal/save': vi.fn(async () => ({ ok: false as const, reason: 'empty' as const })),
    'journal/recent': vi.fn(async () => ({ entries: [], unreadable: 0 })),
    'journal/edit': vi.fn(async () => ({ ok: false as const, reason: 'not-found' as const })),
    'journal/delete': vi.fn(async () => ({ ok: true })),
    'reflection/context': vi.fn(async () => ({
      siteMinutesToday: 0,
      hour: 12,
      dayStartHour: 4,
      boundaries: structuredClone(DEFAULT_SETTINGS.boundaries),
      topAccounts: [],
    })),
    'reflection/save': vi.fn(async () => ({ ok: false as const, reason: 'empty' as const })),
    'reflection/undo': vi.fn(async () => ({ ok: false })),
    'checkin/question': vi.fn(async () => ({ question: null })),
    'checkin/answer': vi.fn(async () => ({ ok: false })),
    'checkin/dismiss': vi.fn(async () => ({ ok: false })),
    'checkin/off': vi.fn(async () => ({ ok: false })),
    'posts/reflect': vi.fn(async () => ({ ok: false })),
    'data/deleteAll': vi.fn(async () => ({ ok: false })),
    'data/import': vi.fn(async () => ({ ok: false as const, problem: { code: 'not-json' as const } })),
    ...overrides,
  } satisfies Handlers;
  const log = vi.fn();
  const listener = createRouter(handlers, OWN_ID, log);
  const sendResponse = vi.fn();
  const calledHandlers = () =>
    (Object.keys(handlers) as MessageType[]).filter((type) => vi.mocked(handlers[type]).mock.calls.length > 0);
  return { handlers, log, listener, sendResponse, calledHandlers };
}

/** Wait until the router has answered (handlers answer asynchronously). */
const answered = (sendResponse: ReturnType<typeof vi.fn>) =>
  vi.waitFor(() => expect(sendResponse).toHaveBeenCalledTimes(1));

describe('createRouter', () => {
  it('hands a valid message to exactly its handler, with the parsed data and the sender, and answers with its reply', async () => {
    const { handlers, listener, sendResponse, calledHandlers } = setUp();
    const keepOpen = listener({ type: 'boundary/extend', data: { pauseStartedAt: 5 } }, SENDER, sendResponse);
    expect(keepOpen).toBe(true);
    await answered(sendResponse);
    expect(calledHandlers()).toEqual(['boundary/extend']);
    expect(handlers['boundary/extend']).toHaveBeenCalledWith({ pauseStartedAt: 5 }, SENDER);
    expect(sendResponse).toHaveBeenCalledWith({ ok: true });
  });

  it('answers each type from its own handler', async () => {
    const { listener, sendResponse } = setUp();
    listener({ type: 'activity/report', data: { spans: [[1, 2]] } }, SENDER, sendResponse);
    await answered(sendResponse);
    expect(sendResponse).toHaveBeenCalledWith({ ok: true, settled: 1, countedMs: 1_000 });
  });

  it.each<[string, unknown]>([
    ['not an object', 'activity/report'],
    ['an unknown type', { type: 'ledger/wipe', data: {} }],
    ['bad data', { type: 'activity/report', data: { spans: [[5, 1]] } }],
    ['extra fields in the data (a claimed site)', { type: 'activity/report', data: { spans: [[1, 2]], site: 'x' } }],
    ['an empty request with a field', { type: 'boundary/leave', data: { tabId: 3 } }],
  ])('answers %s with invalid-message at once, and runs no handler', (_label, message) => {
    const { listener, sendResponse, calledHandlers, log } = setUp();
    const keepOpen = listener(message, SENDER, sendResponse);
    expect(sendResponse).toHaveBeenCalledTimes(1);
    expect(sendResponse).toHaveBeenCalledWith({ error: 'invalid-message' });
    expect(keepOpen).toBe(false);
    expect(calledHandlers()).toEqual([]);
    expect(log).not.toHaveBeenCalled();
  });

  it.each<[string, MessageSender]>([
    ['another extension', { ...SENDER, id: 'someone-else@example' }],
    ['a sender without an id', { url: 'https://www.instagram.com/' }],
  ])('ignores a message from %s: no answer, no handler', async (_label, sender) => {
    const { listener, sendResponse, calledHandlers } = setUp();
    expect(listener({ type: 'boundary/leave', data: {} }, sender, sendResponse)).toBe(false);
    expect(listener('garbage', sender, sendResponse)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sendResponse).not.toHaveBeenCalled();
    expect(calledHandlers()).toEqual([]);
  });

  it.each<[string, () => Promise<never>]>([
    [
      'rejects',
      async () => {
        throw new Error('database closed');
      },
    ],
    [
      'throws before returning a promise',
      () => {
        throw new Error('database closed');
      },
    ],
  ])('a handler that %s is answered with failed and logged once', async (_label, failing) => {
    const { listener, sendResponse, log } = setUp({ 'boundary/warned': failing });
    expect(listener({ type: 'boundary/warned', data: {} }, SENDER, sendResponse)).toBe(true);
    await answered(sendResponse);
    expect(sendResponse).toHaveBeenCalledWith({ error: 'failed' });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(new Error('database closed'));
  });
});

describe('every request type', () => {
  it.each(Object.keys(REQUESTS) as MessageType[])('%s refuses undefined data', (type) => {
    expect(parseMessage({ type, data: undefined })).toBeUndefined();
    const { listener, sendResponse, calledHandlers } = setUp();
    listener({ type }, SENDER, sendResponse);
    expect(sendResponse).toHaveBeenCalledWith({ error: 'invalid-message' });
    expect(calledHandlers()).toEqual([]);
  });
});
