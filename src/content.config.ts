// Lessons and home pages are Starlight docs read from content/<lang>/; lab guides are their own
// collection, rendered only inside the lab page (so a guide is never served twice).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './src/content/docs', pattern: ['{ko,en}/**/[^_]*.{md,mdx}', '!*/labs/**'] }),
    schema: docsSchema(),
  }),
  labGuides: defineCollection({
    loader: glob({ base: './src/content/docs', pattern: '{ko,en}/labs/[^_]*.{md,mdx}' }),
    schema: z.object({ title: z.string(), description: z.string().optional() }),
  }),
};
