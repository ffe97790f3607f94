// Reads are shared by the SDK's own command name, so a build that renames classes (the site's
// minifier turns DescribeKeyPairsCommand into `jd`) still shares them. e2e/lab-page-pass2.test.ts
// proves the same against the built site.
import { CreateKeyPairCommand, DescribeKeyPairsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { freshAccount, testEndpoint } from '../test/sandbox-context.ts';
import { createLabContext } from './context.ts';
import { withSharedReads } from './shared-reads.ts';

/** What a minifier makes of the command classes: same command, other class names. */
class jd extends DescribeKeyPairsCommand {}
class Md extends CreateKeyPairCommand {}

function counted() {
  const ctx = createLabContext({ endpoint: testEndpoint(), account: freshAccount() });
  const sent: string[] = [];
  ctx.ec2.middlewareStack.add((next, context) => async (args) => {
    sent.push((context as { commandName: string }).commandName);
    return next(args);
  }, { step: 'initialize', name: 'countForTest' });
  return { ctx, sent };
}

describe('shared reads', () => {
  it('shares a read whose class name was minified, and gives each caller its own copy', async () => {
    const { ctx, sent } = counted();
    expect(jd.name).toBe('jd');
    const shared = withSharedReads(ctx);
    const answers = await Promise.all([1, 2, 3].map(() => shared.ec2.send(new jd({}))));
    answers[0]!.KeyPairs!.push({ KeyName: 'changed by one caller' });
    expect(answers.map((a) => a.KeyPairs!.length)).toEqual([1, 0, 0]);
    expect(sent).toEqual(['DescribeKeyPairsCommand']);
  });

  it('treats a minified write as a write: later reads go to the sandbox', async () => {
    const { ctx, sent } = counted();
    const shared = withSharedReads(ctx);
    await shared.ec2.send(new jd({}));
    await shared.ec2.send(new Md({ KeyName: 'made-during-grade' }));
    const after = await shared.ec2.send(new jd({}));
    expect(after.KeyPairs!.map((k) => k.KeyName)).toEqual(['made-during-grade']);
    expect(sent).toEqual(['DescribeKeyPairsCommand', 'CreateKeyPairCommand', 'DescribeKeyPairsCommand']);
  });

  it("a caller's abort ends its own wait, not the shared request", async () => {
    const { ctx, sent } = counted();
    const shared = withSharedReads(ctx);
    const controller = new AbortController();
    const first = shared.ec2.send(new DescribeKeyPairsCommand({}), { abortSignal: controller.signal });
    const second = shared.ec2.send(new DescribeKeyPairsCommand({}));
    controller.abort();
    await expect(first).rejects.toBeDefined();
    expect((await second).KeyPairs).toEqual([]);
    expect(sent).toEqual(['DescribeKeyPairsCommand']);
  });
});
