import { expect, test } from 'vitest';
import { websiteLink } from './website-link.ts';

test('a website printed on loopback links through a class sandbox elsewhere, by its path form', () => {
  expect(websiteLink('http://site-123.s3-website.localhost:4566/docs/a.html?x=1', 'http://192.168.0.10:4566')).toBe('http://192.168.0.10:4566/_infralabs/website/site-123/docs/a.html?x=1');
  expect(websiteLink('http://site-123.s3-website-us-east-1.localhost:4566/', 'http://classroom.lan:4566')).toBe('http://classroom.lan:4566/_infralabs/website/site-123/');
});

test('with a sandbox on this machine, or any other address, the link is as printed', () => {
  expect(websiteLink('http://site-123.s3-website.localhost:4566/', 'http://localhost:4566')).toBe('http://site-123.s3-website.localhost:4566/');
  expect(websiteLink('http://site-123.s3-website.localhost:4566/', 'http://127.0.0.1:4566')).toBe('http://site-123.s3-website.localhost:4566/');
  expect(websiteLink('https://docs.aws.amazon.com/s3/', 'http://192.168.0.10:4566')).toBe('https://docs.aws.amazon.com/s3/');
  expect(websiteLink('http://bad host', 'http://192.168.0.10:4566')).toBe('http://bad host');
});

test('with the sandbox in the page, a website is only under its address, on this machine too', () => {
  expect(websiteLink('http://site-123.s3-website.localhost:4566/a.html', 'http://localhost:4321/_sandbox')).toBe('http://localhost:4321/_sandbox/_infralabs/website/site-123/a.html');
  expect(websiteLink('http://site-123.s3-website.localhost:4566/', 'https://learner.github.io/infralabs/_sandbox')).toBe('https://learner.github.io/infralabs/_sandbox/_infralabs/website/site-123/');
});
