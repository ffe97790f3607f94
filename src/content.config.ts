// Lessons and home pages are Starlight docs read from content/<lang>/; lab guides are their own
// collection, rendered only inside the lab page (so a guide is never served twice).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';

export const collections = {
  // UI strings Starlight leaves out (src/content/i18n/): its English has no Expressive Code
  // strings, so with Korean as the default locale English copy buttons fell back to Korean; and
  // the search dialog spoke English on Korean pages.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  docs: defineCollection({
    loader: glob({ base: './src/content/docs', pattern: ['{ko,en}/**/[^_]*.{md,mdx}', '!*/labs/**'] }),
    schema: docsSchema(),
  }),
  labGuides: defineCollection({
    loader: glob({ base: './src/content/docs', pattern: '{ko,en}/labs/[^_]*.{md,mdx}' }),
    schema: z.object({ title: z.string(), description: z.string().optional() }),
  }),
};
