import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options';

describe('the main window options', () => {
  it('sandbox the renderer and isolate its context, with no Node anywhere', () => {
    const options = mainWindowOptions('/app/preload/index.cjs', null);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('restore the remembered size and position', () => {
    const options = mainWindowOptions('/p', { x: 10, y: 20, width: 900, height: 600 });
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 600 });
    expect(mainWindowOptions('/p', null)).not.toHaveProperty('x');
  });
});
