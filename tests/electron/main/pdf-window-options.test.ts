import { describe, expect, it } from 'vitest';
import { pdfWindowOptions } from '../../../electron/main/pdf-window-options';

describe('pdfWindowOptions', () => {
  it('prints in a hidden, sandboxed window with no JavaScript, Node or preload', () => {
    const options = pdfWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      plugins: false,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
  });
});
