// S3 calls are told apart by method, path and query: path style and virtual-hosted style must name
// the same operation, bucket and (decoded) key, or the rules and event notifications miss them.
import { describe, expect, test } from 'vitest';
import { identifyOperation } from './operation.ts';
import type { Exchange } from './types.ts';

function s3(method: string, host: string, target: string): Exchange {
  const url = new URL(target, 'http://placeholder');
  return {
    account: '000000000000',
    service: 's3',
    request: { method, path: url.pathname, query: url.searchParams, search: url.search.slice(1), headers: { host }, body: Buffer.alloc(0) },
  };
}

describe('S3 operations', () => {
  test.each([
    ['PUT', 'localhost:4566', '/photos/a.txt', 'PutObject', 'photos', 'a.txt'],
    ['PUT', 'photos.localhost:4566', '/a.txt', 'PutObject', 'photos', 'a.txt'],
    ['PUT', 'photos.s3.localhost:4566', '/incoming/%ED%95%9C%20b.jpg', 'PutObject', 'photos', 'incoming/한 b.jpg'],
    ['PUT', 'localhost:4566', '/photos/incoming/%ED%95%9C%20b.jpg', 'PutObject', 'photos', 'incoming/한 b.jpg'],
    ['GET', 'photos.localhost:4566', '/', 'ListObjects', 'photos', undefined],
    ['PUT', 'photos.localhost:4566', '/', 'CreateBucket', 'photos', undefined],
    ['PUT', 'localhost:4566', '/photos', 'CreateBucket', 'photos', undefined],
    ['PUT', 'localhost:4566', '/photos/', 'CreateBucket', 'photos', undefined],
    ['GET', 'photos.localhost:4566', '/?policy', 'GetBucketPolicy', 'photos', undefined],
    ['DELETE', 'photos.localhost:4566', '/a%2Fb', 'DeleteObject', 'photos', 'a/b'],
    ['GET', 'localhost:4566', '/photos/100%', 'GetObject', 'photos', '100%'],
    ['GET', 'localhost:4566', '/', 'ListBuckets', undefined, undefined],
  ])('%s %s%s is %s of %s / %s', (method, host, path, name, bucket, key) => {
    const operation = identifyOperation(s3(method, host, path));
    expect([operation.name, operation.bucket, operation.key]).toEqual([name, bucket, key]);
  });
});
