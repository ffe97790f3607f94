// A class's keys (the roster's accounts and secrets, and the teacher's): with them the sandbox
// verifies every request's signature, so that a student acts only in their own account.
import { joinCode } from './join-codes.ts';

export interface ClassKey {
  account: string;
  secret: string;
  /** The student's name, shown on their page once they join. */
  student?: string;
}

export interface Credentials {
  /** The secret of an access key id (the 12-digit account), or undefined for an unknown key. */
  secretOf(accessKeyId: string): string | undefined;
  /** The teacher's access key id: the one allowed to reset everything. */
  readonly teacher: string;
  /** The student whose join code this is (normalized, join-codes.ts); never the teacher. */
  studentWithCode(code: string): ClassKey | undefined;
  /** Every account of the class, the teacher's last. */
  readonly accounts: readonly string[];
}

export function classCredentials(students: readonly ClassKey[], teacher: ClassKey): Credentials {
  const secrets = new Map(students.map((key) => [key.account, key.secret]));
  if (secrets.has(teacher.account)) throw new Error(`The teacher's account ${teacher.account} is also a student's: give the teacher an account of their own.`);
  secrets.set(teacher.account, teacher.secret);
  // Codes are made once, lazily: most sandboxes are never asked for one.
  let byCode: Map<string, ClassKey> | undefined;
  return {
    secretOf: (accessKeyId) => secrets.get(accessKeyId),
    teacher: teacher.account,
    accounts: [...students.map((key) => key.account), teacher.account],
    studentWithCode(code) {
      byCode ??= new Map(students.map((key) => [joinCode(key.secret), key]));
      return byCode.get(code);
    },
  };
}
