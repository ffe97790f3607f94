// A class sandbox makes its roster's accounts in the backend as soon as it serves: moto builds an
// account's EC2 state (default VPC, subnets, images) on the account's first call, tenths of a
// second of its one core each, which would otherwise fall on the first minute of the class, when
// every student starts at once. One account at a time, so that the sandbox answers meanwhile.
import { queryApi } from './aws-api.ts';
import type { GatewayContext } from './types.ts';

export interface Warming {
  /** Whether every account has been made (or tried). */
  ready(): boolean;
}

export function warmAccounts(gateway: GatewayContext, accounts: readonly string[]): Warming {
  let ready = false;
  void (async () => {
    for (const account of accounts) {
      try {
        await queryApi(gateway, account, 'ec2', 'DescribeVpcs', {});
      } catch (error) {
        gateway.log(`Could not prepare account ${account} ahead of the class: ${(error as Error).message}`);
      }
    }
    ready = true;
  })();
  return { ready: () => ready };
}
