// Service accounts the stand-in knows: each verifies V4 signatures with its public key, derived from
// the key file's private key, and (for signBlob) signs with the private key.
import crypto from 'node:crypto';
import fs from 'node:fs';

// `keys`: key files (paths, JSON texts or parsed objects) with client_email and private_key.
export function loadServiceAccounts(keys) {
  const accounts = new Map();
  for (const k of keys) {
    const json = typeof k === 'string' ? JSON.parse(k.trim().startsWith('{') ? k : fs.readFileSync(k, 'utf8')) : k;
    if (!json.client_email || !json.private_key) throw new Error('a service-account key needs client_email and private_key');
    const privateKey = crypto.createPrivateKey(json.private_key);
    accounts.set(json.client_email, {
      email: json.client_email,
      keyId: json.private_key_id || '',
      privateKey,
      publicKey: crypto.createPublicKey(privateKey),
    });
  }
  return accounts;
}
