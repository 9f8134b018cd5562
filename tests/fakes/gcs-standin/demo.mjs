// The demo's fixed credentials. The service account is Google's published, inactive test key
// (tests/data/gcs-v4/test_service_account.not-a-test.json, Apache-2.0, see tests/data/gcs-v4/README.md);
// the bearer token is a made-up string that only this stand-in accepts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DEMO_KEY_PATH = path.join(repoRoot, 'tests', 'data', 'gcs-v4', 'test_service_account.not-a-test.json');
export const DEMO_TOKEN = 'eic-demo-token';
export const DEMO_SEED_DIR = path.join(repoRoot, 'build', 'demo-bucket');
