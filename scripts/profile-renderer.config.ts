/**
 * The app's build with a renderer that profiles legibly: not minified, with source maps, for
 * `scripts/profile-typing.ts`. Everything else is electron.vite.config.ts.
 */
import config from '../electron.vite.config';

const renderer = config.renderer!;
export default {
  ...config,
  renderer: { ...renderer, build: { ...renderer.build, minify: false, sourcemap: true } },
};
