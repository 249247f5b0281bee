import { BrowserWindow } from 'electron';
import { pdfWindowOptions } from './pdf-window-options';

/**
 * Electron's half of Export to PDF: loads an exported (self-contained, script-free) page in a
 * hidden window that cannot navigate or open windows, and prints it with its backgrounds.
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow(pdfWindowOptions());
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    window.destroy();
  }
}
