// A tiny element builder: our panels are small and text-only, so no framework.
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Text with `code` spans, for messages that name commands (`npm start`). */
export function withCode(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split(/(`[^`]+`)/).forEach((part) => fragment.append(part.startsWith('`') && part.endsWith('`') ? el('code', {}, part.slice(1, -1)) : part));
  return fragment;
}
