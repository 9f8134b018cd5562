// The GCS stand-in's public API (README.md).
export { startGcsStandin } from './server.mjs';
export { measureCapacity } from './capacity.mjs';
export { signUrl } from './sign-v4.mjs';
export { loadServiceAccounts } from './service-accounts.mjs';
export { DEMO_TOKEN, DEMO_KEY_PATH, DEMO_SEED_DIR } from './demo.mjs';
