// Timers that must not keep a host alive on their own. Node's timers have unref(); a browser's
// are numbers and never keep anything alive, so there is nothing to do there.
type Timer = ReturnType<typeof setTimeout>;

export function unrefTimer<T extends Timer>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
