// Starlight route middleware: the home pages (splash template, with a hero) keep the sidebar, so
// on a phone they have the same menu, language and theme switches as every lesson.
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
  const route = (context.locals as { starlightRoute: StarlightRouteData }).starlightRoute;
  if (route.entry.data.template === 'splash' && route.entry.data.hero) route.hasSidebar = true;
});
