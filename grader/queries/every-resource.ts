import { fail, pass, type Check, type CheckResult, type LabContext, type Text } from '../lab.ts';

/** Where a lab's resources come from, for checks that judge each of them. */
export interface ResourceSource<R> {
  find(ctx: LabContext): Promise<R[]>;
  idOf(resource: R): string;
  /** The result when there is none at all (what to create). */
  none(): CheckResult;
}

/** A check that passes when every resource of the source meets `judge` (which returns what it
 *  found when a resource misses, or undefined), so a duplicate that is wrong never hides. */
export function everyResource<R>(
  source: ResourceSource<R>,
  id: string,
  title: Text,
  points: number,
  judge: (resource: R) => string | undefined,
  ok: Text,
  wrong: (found: string) => Text,
  hint: Text,
): Check {
  return {
    id,
    title,
    points,
    async run(ctx) {
      const resources = await source.find(ctx);
      if (resources.length === 0) return source.none();
      const ids = resources.map((resource) => source.idOf(resource));
      const wrongOnes = resources.flatMap((resource) => {
        const found = judge(resource);
        return found === undefined ? [] : [`${source.idOf(resource)}: ${found}`];
      });
      return wrongOnes.length === 0 ? pass(ok, ids) : fail(wrong(wrongOnes.join('; ')), hint, ids);
    },
  };
}
