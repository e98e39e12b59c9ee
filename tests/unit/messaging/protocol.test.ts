import { describe, expect, it } from 'vitest';
import {
  isMessageError,
  MAX_SPANS_PER_REPORT,
  type MessageType,
  parseMessage,
  REQUESTS,
} from '@/utils/messaging/protocol';
import { NUDGE_OUTCOMES } from '@/utils/nudges/rotation';

/** A well-formed request of every type. */
const VALID: { [K in MessageType]: unknown } = {
  'activity/report': { spans: [[1, 2]] },
  'boundary/extend': { pauseStartedAt: 1_000 },
  'boundary/pauseToday': { pauseStartedAt: 0 },
  'boundary/warned': {},
  'boundary/leave': {},
  'frame/done': { frame: '5c2d8a3e-1f4b-4c6d-9e7a-0b1c2d3e4f5a', what: 'helped' },
  'nudge/request': {
    activeMsOnPage: 60_000,
    activeMsSinceLastNudge: 30_000,
    scrollPxSinceLastNudge: 4_000,
    typingAt: 5,
    pageVisible: true,
    boundaryShown: false,
  },
  'nudge/outcome': { nudgeId: 'n1', outcome: 'helped' },
  'posts/seen': {
    sightings: [
      { handle: 'maple.and.moss', name: 'Maple & Moss', trapPosts: 1, seconds: 4.5, themes: { 'spotless-home': 1 } },
    ],
  },
  'posts/classify': { texts: ['Spotless kitchen before seven.'] },
  'posts/markWorse': { handle: 'maple.and.moss' },
  'posts/act': { handle: 'maple.and.moss', action: 'hide' },
  'posts/detection': { working: false },
  'accounts/act': { site: 'instagram', handle: 'maple.and.moss', action: 'unhide' },
  'accounts/triggerWords': { words: ['glow up'] },
  'journal/save': { text: 'A quiet evening.', promptId: 'thank_you_note' },
  'journal/recent': { limit: 5 },
  'journal/edit': { day: '2026-12-04', id: 'j1', text: 'A quieter evening.' },
  'journal/delete': { day: '2026-12-04', id: 'j1' },
  'reflection/context': { site: 'instagram' },
  'reflection/save': {
    site: 'instagram',
    feelings: ['compared'],
    text: 'Kitchens again.',
    fed: 'Instagram',
    choice: { kind: 'site-limit', site: 'instagram', minutes: 10 },
  },
  'reflection/undo': { day: '2026-12-04', id: 'j1' },
  'checkin/question': { where: 'popup' },
  'checkin/answer': { day: '2026-12-04', sessionId: 'instagram-1', feeling: 'bit-worse', note: 'Tired.' },
  'checkin/dismiss': { day: '2026-12-04', sessionId: 'instagram-1' },
  'checkin/off': { off: true },
  'posts/reflect': {},
  'data/deleteAll': {},
  'data/import': { text: '{}', mode: 'merge' },
};

const report = (data: unknown) => ({ type: 'activity/report', data });

describe('parseMessage', () => {
  it('covers every request type in these tests', () => {
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it.each(Object.entries(VALID))('accepts a well-formed %s', (type, data) => {
    expect(parseMessage({ type, data })).toEqual({ type, data });
  });

  it('hands on only the type and the data, never other fields of the message', () => {
    expect(parseMessage({ type: 'activity/report', data: { spans: [[1, 2]] }, site: 'x', tab: 3 })).toEqual({
      type: 'activity/report',
      data: { spans: [[1, 2]] },
    });
  });

  it('accepts a report of exactly the most spans allowed', () => {
    const spans = Array.from({ length: MAX_SPANS_PER_REPORT }, (_, i) => [i, i + 0.5]);
    expect(parseMessage(report({ spans }))).toEqual(report({ spans }));
  });

  it('leaves out an optional field that was not sent', () => {
    const { typingAt: _omitted, ...withoutTyping } = VALID['nudge/request'] as Record<string, unknown>;
    expect(parseMessage({ type: 'nudge/request', data: withoutTyping })).toEqual({
      type: 'nudge/request',
      data: withoutTyping,
    });
  });

  it.each(NUDGE_OUTCOMES)('accepts the outcome %s', (outcome) => {
    expect(parseMessage({ type: 'nudge/outcome', data: { nudgeId: 'n1', outcome } })).toBeDefined();
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'activity/report'],
    ['the old flat shape', { type: 'activity/report', spans: [[1, 2]] }],
    ['an unknown type', { type: 'ledger/wipe', data: {} }],
    ['a type from Object.prototype', { type: 'toString', data: {} }],
    ['a type that is not a string', { type: 1, data: {} }],
    ['no data', { type: 'boundary/warned' }],
    ['spans not an array', report({ spans: '1-2' })],
    ['a span with three numbers', report({ spans: [[1, 2, 3]] })],
    ['a span of strings', report({ spans: [['1', '2']] })],
    ['a backwards span', report({ spans: [[5, 1]] })],
    ['an empty span', report({ spans: [[5, 5]] })],
    ['an infinite span', report({ spans: [[1, Number.POSITIVE_INFINITY]] })],
    ['too many spans', report({ spans: Array.from({ length: MAX_SPANS_PER_REPORT + 1 }, (_, i) => [i, i + 0.5]) })],
    ['a claimed site', report({ spans: [[1, 2]], site: 'x' })],
    ['a claimed site on an empty request', { type: 'boundary/warned', data: { site: 'x' } }],
    ['a negative pause start', { type: 'boundary/extend', data: { pauseStartedAt: -1 } }],
    ['a pause start as a string', { type: 'boundary/pauseToday', data: { pauseStartedAt: '0' } }],
    ['an unknown outcome', { type: 'nudge/outcome', data: { nudgeId: 'n1', outcome: 'loved-it' } }],
    ['a huge nudge id', { type: 'nudge/outcome', data: { nudgeId: 'n'.repeat(201), outcome: 'helped' } }],
    [
      'a visibility that is not a flag',
      { type: 'nudge/request', data: { ...(VALID['nudge/request'] as object), pageVisible: 'yes' } },
    ],
    [
      'a NaN active time',
      { type: 'nudge/request', data: { ...(VALID['nudge/request'] as object), activeMsOnPage: Number.NaN } },
    ],
  ])('refuses %s', (_label, message) => {
    expect(parseMessage(message)).toBeUndefined();
  });
});

describe('isMessageError', () => {
  it.each<[unknown, boolean]>([
    [{ error: 'invalid-message' }, true],
    [{ error: 'failed' }, true],
    [{ ok: false }, false],
    [{ show: false, reason: 'off' }, false],
    [undefined, false],
    [null, false],
    ['error', false],
  ])('%j → %s', (reply, expected) => {
    expect(isMessageError(reply)).toBe(expected);
  });
});
