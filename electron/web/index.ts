export { startWebServer, type WebServer, type WebServerOptions } from './server';
export { startBrowserMode, type BrowserModeOptions } from './browser-mode';
