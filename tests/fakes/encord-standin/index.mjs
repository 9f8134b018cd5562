// The Encord stand-in's public API (README.md).
export { startEncordStandin } from './server.mjs';
export { signRequest, loadKey } from './sign-request.mjs';
export { parsePublicKey, parsePrivateKey, readPrivateKey, publicKeyLine, generateKey } from './ssh-keys.mjs';
export { gcsLocation, objectExistsInBuckets, objectExistsInGcsStandin, bucketsFromSeed } from './gcs-objects.mjs';
export {
  DEMO_KEY_PATH, DEMO_PUBLIC_KEY_PATH, DEMO_PUBLIC_KEY, DEMO_USER, DEMO_INTEGRATION, DEMO_FOLDERS, DEMO_GCS_SEED_DIR, demoOptions,
} from './demo.mjs';
