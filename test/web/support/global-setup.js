// jest globalSetup of the e2e project: the browser tests serve apps/web/dist, so build it
// first when it is missing or older than its sources (a fast no-op otherwise).
const { ensureWebBuild } = require('../../../tools/web/ensure-web-build');

module.exports = async () => {
  ensureWebBuild();
};
