// The demo organisation: one registered Ed25519 key (demo-key/, a public, test-only key made with
// `ssh-keygen -t ed25519 -N '' -C eic-demo`; it guards nothing), one GCP integration "demo-gcs", two
// top-level folders and an empty metadata schema. The ids are fixed so docs and tests can name them.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..', '..');
export const DEMO_KEY_PATH = path.join(here, 'demo-key', 'eic-demo-ed25519');
export const DEMO_PUBLIC_KEY_PATH = `${DEMO_KEY_PATH}.pub`;
export const DEMO_PUBLIC_KEY = fs.readFileSync(DEMO_PUBLIC_KEY_PATH, 'utf8').trim();
export const DEMO_USER = 'eic-demo@example.com';
export const DEMO_INTEGRATION = { integrationUuid: '5e1f0c9a-0d3e-4a6b-9c2d-3e4f5a6b7c8d', title: 'demo-gcs' };
export const DEMO_FOLDERS = [
  { uuid: '7a3c2f10-51de-4b8e-a0c4-6d2b9e8f1a01', name: 'eic-demo', description: 'Imports from the eic-demo bucket' },
  { uuid: '7a3c2f10-51de-4b8e-a0c4-6d2b9e8f1a02', name: 'eic-sandbox', description: 'Scratch folder for trying imports' },
];
// Where the GCS stand-in's demo buckets are made (tests/fakes/make-demo-bucket.mjs).
export const DEMO_GCS_SEED_DIR = path.join(repoRoot, 'build', 'demo-bucket');

// Options for startEncordStandin that set up the demo organisation (objectExists is the caller's).
export const demoOptions = () => ({
  publicKeys: [{ key: DEMO_PUBLIC_KEY, user: DEMO_USER }],
  integrations: [DEMO_INTEGRATION],
  folders: DEMO_FOLDERS,
  schema: null,
});
