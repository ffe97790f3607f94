// A repeat visit restores the interpreter from the snapshot its first start kept, instead of
// importing moto again, and reads the archives as that start decompressed them; a snapshot that
// does not fit is thrown away and the start is the ordinary one. Booted in Node from what the site
// serves, with what is kept held in memory (the browser keeps it in OPFS: opfs-store.ts).
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { randomAccount } from '../../grader/random-account.ts';
import { buildPageSandbox, outDir } from '../../scripts/build-page-sandbox.mjs';
import { startPythonBackend, type ByteStore, type PythonBackend, type SnapshotStore } from './python-backend.ts';
import { nodeFiles } from './node-files.ts';
import { requestHandlerTo } from './test-request-handler.ts';

function memoryStore(): ByteStore & { kept: Map<string, Uint8Array>; saved: Promise<void> } {
  const kept = new Map<string, Uint8Array>();
  let saved!: () => void;
  return {
    kept,
    saved: new Promise<void>((resolve) => (saved = resolve)),
    load: async (key) => kept.get(key),
    save: async (key, snapshot) => {
      kept.set(key, snapshot);
      saved();
    },
    discard: async (key) => {
      kept.delete(key);
    },
  };
}

const start = (snapshots: SnapshotStore) => startPythonBackend({ ...nodeFiles, snapshots });

async function runsInstances(backend: PythonBackend): Promise<void> {
  const ec2 = new EC2Client({
    endpoint: 'http://localhost:4566', region: 'us-east-1', credentials: { accessKeyId: randomAccount(), secretAccessKey: 'x' },
    requestHandler: requestHandlerTo((request) => backend.forward(request)),
  });
  const { Instances } = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-03c3da4cfa8e8943a', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }));
  const { Reservations } = await ec2.send(new DescribeInstancesCommand({}));
  expect(Reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(Instances![0]!.InstanceId);
}

it('keeps a snapshot on the first start and restores it on the next, which answers as the first did', { timeout: 240_000 }, async () => {
  await buildPageSandbox({ log: () => {} });
  const store = memoryStore();
  const first = await start(store);
  await store.saved;
  expect([...store.kept.keys()]).toEqual([expect.stringMatching(/^pyodide-314\.0\.7-packages-[0-9a-f]{64}$/)]);
  await runsInstances(first);

  let restoredFrom: Uint8Array | undefined;
  const again = await start({ ...store, load: async (key) => (restoredFrom = store.kept.get(key)) });
  expect(restoredFrom).toBeDefined();
  // A fresh moto: nothing of the first one's state came along (the snapshot precedes any request).
  await runsInstances(again);
});

it('throws away a snapshot that does not fit and starts as usual', { timeout: 240_000 }, async () => {
  const store = memoryStore();
  const key = `pyodide-314.0.7-packages-${JSON.parse(await readFile(`${outDir}/manifest.json`, 'utf8')).hash}`;
  store.kept.set(key, new Uint8Array(1024));
  const backend = await start(store);
  await runsInstances(backend);
  await store.saved;
  expect(store.kept.get(key)?.length).toBeGreaterThan(1024);
});

it('keeps the archives decompressed on the first start, and the next reads them from there', { timeout: 240_000 }, async () => {
  const archives = { stdlib: memoryStore(), packages: memoryStore() };
  const fetched: string[] = [];
  const fetchBytes = (url: string) => {
    fetched.push(url.slice(url.lastIndexOf('/') + 1));
    return nodeFiles.fetchBytes!(url);
  };
  await startPythonBackend({ ...nodeFiles, fetchBytes, archives });
  await Promise.all([archives.stdlib.saved, archives.packages.saved]);
  const manifest = JSON.parse(await readFile(`${outDir}/manifest.json`, 'utf8')) as { stdlib: string; archive: string };
  expect(fetched).toEqual(expect.arrayContaining([manifest.stdlib, manifest.archive]));
  // Kept as zips, decompressed.
  for (const store of Object.values(archives)) expect([...store.kept.values()][0]!.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));

  fetched.length = 0;
  await runsInstances(await startPythonBackend({ ...nodeFiles, fetchBytes, archives }));
  expect(fetched).not.toContain(manifest.stdlib);
  expect(fetched).not.toContain(manifest.archive);
});
