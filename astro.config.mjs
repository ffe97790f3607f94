// The Infra Labs site: Starlight reads lessons from content/ (not src/content/docs), labs get a
// custom page (src/pages/[lang]/labs/[id].astro) with the editor, the runner and the grader.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { fileURLToPath } from 'node:url';
import { labItems, lessonItems, referenceItems } from './src/build/sidebar.mjs';
import { pureJsXmlParser } from './src/build/xml-parser-plugin.mjs';
import { sdkTypes } from './src/build/sdk-types-plugin.mjs';
import { monacoPreload } from './src/build/monaco-preload.mjs';
import { baseLinks } from './src/build/base-links.mjs';
import { services } from './grader/services.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const sdkClients = Object.values(services).map((service) => service.package);

// A static host may serve the site under a path (GitHub Pages: https://<user>.github.io/<repo>/):
// INFRALABS_BASE=/<repo>/ and INFRALABS_SITE=https://<user>.github.io at build time.
const base = process.env.INFRALABS_BASE || '/';
const site = process.env.INFRALABS_SITE || 'http://localhost:4321';

export default defineConfig({
  site,
  base,
  redirects: { '/': `${base.replace(/\/?$/, '/')}ko/` },
  devToolbar: { enabled: false },
  integrations: [
    starlight({
      title: { ko: 'Infra Labs', en: 'Infra Labs' },
      description: 'Learn AWS infrastructure by doing, against a local sandbox.',
      defaultLocale: 'ko',
      // src/pages/404.astro says it in both languages; Starlight's own is in the default locale only.
      disable404Route: true,
      locales: {
        ko: { label: '한국어', lang: 'ko' },
        en: { label: 'English', lang: 'en' },
      },
      markdown: { processedDirs: ['./content'] },
      customCss: ['./src/styles/site.css'],
      routeMiddleware: './src/route-data.ts',
      components: { Footer: './src/components/site/Footer.astro', Search: './src/components/site/Search.astro', Sidebar: './src/components/site/Sidebar.astro' },
      sidebar: [
        { label: 'Lessons', translations: { ko: '레슨' }, items: lessonItems(root) },
        { label: 'Labs', translations: { ko: '실습' }, items: labItems(root) },
        { label: 'Reference', translations: { ko: '참고' }, items: referenceItems(root) },
      ],
    }),
    monacoPreload(),
    baseLinks(base),
  ],
  vite: {
    // content/ is read through the symlink src/content/docs (see src/content.config.ts): keep that
    // path so Starlight localizes each page's Markdown features (copy buttons, heading links, asides).
    // Lessons import components as @components/... (their files are reached through that symlink).
    resolve: { preserveSymlinks: true, alias: { '@components': fileURLToPath(new URL('./src/components', import.meta.url)) } },
    plugins: [pureJsXmlParser(), sdkTypes(root, services)],
    worker: { format: 'es', plugins: () => [pureJsXmlParser()] },
    optimizeDeps: {
      include: [...sdkClients, 'fflate', 'sucrase'],
      rolldownOptions: { plugins: [pureJsXmlParser()] },
    },
  },
});
