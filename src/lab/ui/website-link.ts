// A website address a learner's code prints (http://<bucket>.s3-website.localhost:4566/...) names
// loopback, which on a student's laptop is not the class sandbox on the teacher's machine. Linked
// from the console, it goes to the same page through the sandbox's path form instead
// (/_infralabs/website/<bucket>/<key>), which works wherever the sandbox is. The sandbox in the
// page has an address with a path (<site>/_sandbox): its websites are only there.
const websiteHost = /^(.+)\.s3-website(?:[.-][a-z0-9-]+)?\.localhost$/i;
const loopback = (host: string) => host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1' || host === '[::1]';

/** Where a link to `href` should go for a page whose sandbox is `endpoint`. */
export function websiteLink(href: string, endpoint: string): string {
  let url: URL;
  let sandbox: URL;
  try {
    url = new URL(href);
    sandbox = new URL(endpoint);
  } catch {
    return href;
  }
  const bucket = websiteHost.exec(url.hostname)?.[1];
  const inPage = sandbox.pathname !== '/';
  if (!bucket || (loopback(sandbox.hostname) && !inPage)) return href;
  return `${sandbox.origin}${sandbox.pathname.replace(/\/$/, '')}/_infralabs/website/${bucket}${url.pathname}${url.search}`;
}
