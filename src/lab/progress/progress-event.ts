// Fired on the page when the learner's progress changes there, so that what shows it (the
// sidebar's marks) can update at once; other tabs learn of it from the storage event.
export const progressEvent = 'infralabs:progress';

export function announceProgress(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(progressEvent));
}
