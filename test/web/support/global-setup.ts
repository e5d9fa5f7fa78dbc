import globalSetup from '../../support/global-setup';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureWebBuild } = require('../../../tools/web/ensure-web-build') as {
  ensureWebBuild(): boolean;
};

/**
 * The e2e project's global set-up: the shared one, then the web app's build, which the browser
 * tests (test/web) serve (built only when missing or older than its sources).
 */
export default async function e2eGlobalSetup(): Promise<void> {
  await globalSetup();
  ensureWebBuild();
}
