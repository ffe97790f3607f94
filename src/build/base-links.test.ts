import { describe, expect, it } from 'vitest';
import { htmlWithBase } from './base-links.mjs';

describe('links under a base path (GitHub Pages serves a project at /<repo>/)', () => {
  it("prefixes a lesson's root-relative links, Markdown and component hrefs alike", () => {
    const html = '<a href="/en/labs/ec2-launch/">Lab</a><a class="sl-link-card" href=\'/ko/lessons/iam/\'>IAM</a><img src="/favicon.svg">';
    expect(htmlWithBase(html, '/infralabs')).toBe('<a href="/infralabs/en/labs/ec2-launch/">Lab</a><a class="sl-link-card" href=\'/infralabs/ko/lessons/iam/\'>IAM</a><img src="/infralabs/favicon.svg">');
  });

  it('leaves links that Astro already based, other hosts, anchors and relative links alone', () => {
    const html = '<a href="/infralabs/_astro/x.css"></a><a href="/infralabs"></a><a href="https://docs.aws.amazon.com/"></a><a href="//cdn.example/x"></a><a href="#top"></a><a href="../x/"></a>';
    expect(htmlWithBase(html, '/infralabs')).toBe(html);
  });

  it('does not touch code that only shows an attribute (escaped in the page)', () => {
    const html = '<code>&lt;a href=&quot;/en/&quot;&gt;</code>';
    expect(htmlWithBase(html, '/infralabs')).toBe(html);
  });
});
