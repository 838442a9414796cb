import { UserRow, systemQueryName } from '../../model/system.js';
import type { GraphStore, NodeValue } from '../store/port.js';
import type { TotpRepository, TotpState } from './repositories.js';

/**
 * An account's authenticator app kept in its User row (model/system.ts, columns added by
 * migration 3), apart from UserRecord: the account code never sees the secret, and
 * StoreUserRepository.update carries these columns over unchanged (totpColumnsOf).
 */

const Q = { getUser: systemQueryName('get', 'User'), upsertUser: systemQueryName('upsert', 'User') } as const;

type TotpColumns = Pick<UserRow, 'totpSecret' | 'totpEnabledAt' | 'totpLastStep' | 'recoveryCodeHashes'>;
const NO_TOTP = { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: null };

/** The TOTP columns of a stored User row as the upsert wants them (every column named, null when absent). */
export function totpColumnsOf(props: Record<string, unknown> | undefined): Record<keyof TotpColumns, unknown> {
  const state = props ? stateOf(props) : undefined;
  return state ? columnsOf(state) : NO_TOTP;
}

function stateOf(props: Record<string, unknown>): TotpState | undefined {
  if (typeof props.totpSecret !== 'string' || !props.totpSecret) return undefined;
  const hashes: unknown = typeof props.recoveryCodeHashes === 'string' ? JSON.parse(props.recoveryCodeHashes) : [];
  return {
    secret: props.totpSecret,
    enabledAt: typeof props.totpEnabledAt === 'string' ? props.totpEnabledAt : null,
    lastStep: typeof props.totpLastStep === 'number' || typeof props.totpLastStep === 'bigint' ? Number(props.totpLastStep) : null,
    recoveryCodeHashes: Array.isArray(hashes) ? hashes.filter((h): h is string => typeof h === 'string') : [],
  };
}

function columnsOf(state: TotpState): Record<keyof TotpColumns, unknown> {
  return { totpSecret: state.secret, totpEnabledAt: state.enabledAt, totpLastStep: state.lastStep, recoveryCodeHashes: JSON.stringify(state.recoveryCodeHashes) };
}

const propertiesOf = (rows: { n?: unknown }[]) => (rows[0]?.n as NodeValue | undefined)?.properties;

export class StoreTotpRepository implements TotpRepository {
  constructor(private readonly store: GraphStore) {}

  async find(username: string): Promise<TotpState | undefined> {
    const props = propertiesOf(await this.store.read(Q.getUser, { id: username }));
    return props ? stateOf(props) : undefined;
  }

  update(username: string, change: (current: TotpState | undefined) => TotpState | null | undefined): Promise<boolean> {
    return this.store.write(async (tx) => {
      const props = propertiesOf(await tx.run(Q.getUser, { id: username }));
      if (!props) return false;
      const next = change(stateOf(props));
      if (next === undefined) return false;
      // Every other column as stored: the row is rewritten whole by the generated upsert.
      const others = Object.fromEntries(Object.keys(UserRow.shape).map((k) => [k, props[k] ?? null]));
      await tx.run(Q.upsertUser, { rows: [{ ...others, ...(next ? columnsOf(next) : NO_TOTP) }] });
      return true;
    });
  }
}
