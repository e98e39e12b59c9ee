/**
 * The popup opened the way the extension itself opens a page — `chrome.tabs.create` from its
 * worker — in a Chromium driven over a bare DevTools connection, with nothing of a test driver
 * in the page while it loads: once the page has settled, the bench attaches and reads the
 * popup's own mark (when today's numbers were first drawn). Playwright, by contrast, sets up
 * scripts of its own in every page it drives (a world of its own, with the extension's APIs
 * set up again for it), which the popup pays during its load and she never does.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One bare DevTools connection: `send(method, params, sessionId)`. */
async function connect(url) {
  if (typeof WebSocket !== 'function') throw new Error('This bench needs Node 22 or later (WebSocket).');
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let nextId = 1;
  const waiting = new Map();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data));
    const answer = waiting.get(message.id);
    if (!answer) return;
    waiting.delete(message.id);
    if (message.error) answer.reject(new Error(`${message.error.message} (${message.error.code})`));
    else answer.resolve(message.result);
  });
  return {
    send(method, params = {}, sessionId = undefined) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        socket.send(JSON.stringify({ id, method, params, sessionId }));
      });
    },
    close: () => socket.close(),
  };
}

/**
 * Milliseconds from navigation start to the page's `mark`, for `count` openings of `page` (after
 * one unmeasured opening), in a fresh profile with the extension in `extensionDir` loaded.
 */
export async function openTimesWithoutDriver({ chromiumPath, args, page, mark, count }) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'otf-bench-open-'));
  const browser = spawn(
    chromiumPath,
    ['--headless', '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, ...args, 'about:blank'],
    { stdio: 'ignore' },
  );
  let devtools;
  try {
    const portFile = join(userDataDir, 'DevToolsActivePort');
    for (let waited = 0; !existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n'); waited += 50) {
      if (waited > 15_000) throw new Error('Chromium did not start');
      await sleep(50);
    }
    const [port, path] = readFileSync(portFile, 'utf8').split('\n');
    devtools = await connect(`ws://127.0.0.1:${port}${path}`);
    const { send } = devtools;
    let worker;
    for (let waited = 0; !worker; waited += 100) {
      if (waited > 15_000) throw new Error('The extension’s worker did not start');
      const { targetInfos } = await send('Target.getTargets');
      worker = targetInfos.find(
        (target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'),
      );
      if (!worker) await sleep(100);
    }
    const { sessionId: inWorker } = await send('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
    const run = async (expression) =>
      (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, inWorker)).result.value;
    // The first-run page opens on install: closed, so it doesn't share the machine with the openings.
    await sleep(1_500);
    await run(
      "chrome.tabs.query({}).then((tabs) => Promise.all(tabs.filter((tab) => (tab.url || tab.pendingUrl || '').includes('welcome.html')).map((tab) => chrome.tabs.remove(tab.id))))",
    );
    const times = [];
    for (let opening = 0; opening <= count; opening++) {
      const tabId = await run(
        `chrome.tabs.create({ url: chrome.runtime.getURL(${JSON.stringify(page)}) }).then((tab) => tab.id)`,
      );
      // Long enough for the page to load and draw; nothing is attached to it meanwhile.
      await sleep(1_200);
      const { targetInfos } = await send('Target.getTargets');
      const opened = targetInfos.find((target) => target.type === 'page' && target.url.includes(page));
      if (!opened) throw new Error(`${page} did not open`);
      const { sessionId } = await send('Target.attachToTarget', { targetId: opened.targetId, flatten: true });
      const { result } = await send(
        'Runtime.evaluate',
        {
          expression: `performance.getEntriesByName(${JSON.stringify(mark)})[0]?.startTime ?? null`,
          returnByValue: true,
        },
        sessionId,
      );
      await send('Target.detachFromTarget', { sessionId });
      await run(`chrome.tabs.remove(${tabId})`);
      if (result.value === null) throw new Error(`${page} never set its mark`);
      if (opening > 0) times.push(result.value);
    }
    return times;
  } finally {
    devtools?.close();
    browser.kill();
    await new Promise((resolve) => (browser.exitCode === null ? browser.once('exit', resolve) : resolve()));
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
