import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEncryptedCredentialStore, type CredentialCipher } from '../../../../electron/library/git';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();

/** A real cipher standing in for Electron's safeStorage (which needs the Electron binary). */
function aesCipher(key = randomBytes(32), available = true): CredentialCipher {
  return {
    available: () => available,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('the desktop credential store', () => {
  it('remembers credentials encrypted across runs and keeps others for the run only', async () => {
    const file = path.join(await tempDir(), 'git-credentials.json');
    const key = randomBytes(32);
    const first = createEncryptedCredentialStore(file, aesCipher(key));
    await first.set('https://a.example', { username: 'ann', password: 'Remembered-Secret-1' }, true);
    await first.set('https://b.example', { username: 'bob', password: 'Run-Only-Secret-2' }, false);
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).toContain('https://a.example');
    expect(onDisk).not.toMatch(/ann|Remembered-Secret-1|bob|Run-Only-Secret-2/);

    const next = createEncryptedCredentialStore(file, aesCipher(key));
    expect(await next.get('https://a.example')).toEqual({ username: 'ann', password: 'Remembered-Secret-1' });
    expect(await next.get('https://b.example')).toBeNull();
    expect(await next.forget('https://a.example')).toBe(true);
    expect(await createEncryptedCredentialStore(file, aesCipher(key)).get('https://a.example')).toBeNull();
  });

  it('asks again when the file was sealed with another key, and writes nothing without a key', async () => {
    const file = path.join(await tempDir(), 'git-credentials.json');
    await createEncryptedCredentialStore(file, aesCipher()).set(
      'https://a.example',
      { username: 'a', password: 'p' },
      true,
    );
    expect(await createEncryptedCredentialStore(file, aesCipher()).get('https://a.example')).toBeNull();

    const other = path.join(await tempDir(), 'git-credentials.json');
    const noKey = createEncryptedCredentialStore(other, aesCipher(randomBytes(32), false));
    await noKey.set('https://a.example', { username: 'a', password: 'p' }, true);
    expect(await noKey.get('https://a.example')).toEqual({ username: 'a', password: 'p' });
    await expect(readFile(other)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
