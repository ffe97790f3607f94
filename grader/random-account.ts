// A random 12-digit account id that does not start with 0 (so never the CLI's default
// 000000000000): a learner on their own, a test file, a matrix run each get one of their own.
// Browser-safe. (`roster new` draws a class's accounts with node:crypto instead, none twice.)
export function randomAccount(): string {
  return String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999));
}
