// The per-file setup every browser test shares: a server for build/web and one headless Chromium,
// started before the file's tests and stopped after them. {testBuild: true} serves build/web-test, the
// test build whose app.debug also has download, fetchFile, insightDemo... (wasm/test_hooks).
import { before, after, afterEach } from 'node:test';
import fs from 'node:fs';
import { launch } from './browser.mjs';
import { startServer, artifacts } from './server.mjs';

export function useBrowser({ testBuild = false } = {}) {
  const session = { server: null, browser: null, artifacts };
  before(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    session.server = await startServer({ testBuild });
    session.browser = await launch();
  });
  // A test that fails before its own context.close() leaves no page running into the next test.
  afterEach(async () => {
    for (const context of session.browser?.contexts() ?? []) await context.close();
  });
  after(async () => {
    await session.browser?.close();
    session.server?.stop();
  });
  return session;
}
