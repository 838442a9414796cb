import type { MfaConfirmation, MfaEnrolment, MfaStatus } from '../../model/mfa.js';
import { HttpError } from '../api/errors.js';
import { verifyPassword } from './passwords.js';
import { isProviderAccount } from './oidc/identities.js';
import type { TotpRepository, TotpState, UserRecord } from './repositories.js';
import { acceptedStep, newRecoveryCodes, newTotpSecret, otpauthUri, qrCodeDataUrl, recoveryCodeHash } from './totp.js';

/**
 * Multi-factor authentication for local accounts (ASVS V6.3.3): an authenticator app
 * (TOTP, totp.ts) and ten one-time recovery codes. Enrolment keeps a new secret pending
 * until the person proves their app has it with a current code; only then does sign-in
 * ask for a code. Every code is accepted once: its time step is recorded and no code of
 * that step or an earlier one passes again (V6.5.1); a recovery code is struck off when used.
 * People signing in through their organisation's provider get whatever it enforces.
 */

export type SecondFactor = { code?: string | undefined; recoveryCode?: string | undefined };
/** What a sign-in's second factor came to: not asked for, good, not sent, or wrong (or already used). */
export type SecondFactorCheck = 'not_needed' | 'passed' | 'missing' | 'wrong';

const isEnabled = (s: TotpState | undefined): s is TotpState & { enabledAt: string } => Boolean(s?.enabledAt);

/** Accounts of an OpenID provider have no password here (oidcSignIn.ts): their provider owns their second factor. */

export class Mfa {
  constructor(
    private readonly totp: TotpRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async status(username: string): Promise<MfaStatus> {
    const state = await this.totp.find(username);
    return { enabled: isEnabled(state), pending: Boolean(state && !state.enabledAt), recoveryCodesLeft: isEnabled(state) ? state.recoveryCodeHashes.length : 0 };
  }

  /** A new secret, pending until confirmed; starting again replaces a pending one. Refused while multi-factor is on. */
  async beginEnrolment(user: UserRecord): Promise<MfaEnrolment> {
    if (isProviderAccount(user)) {
      throw new HttpError(409, 'mfa_not_local', 'this account signs in through an identity provider: its second factor is set up there');
    }
    const secret = newTotpSecret();
    const written = await this.totp.update(user.username, (current) => (isEnabled(current) ? undefined : { secret, enabledAt: null, lastStep: null, recoveryCodeHashes: [] }));
    if (!written) throw alreadyEnabled();
    const uri = otpauthUri(user.username, secret);
    return { secret, otpauthUri: uri, qrCode: await qrCodeDataUrl(uri) };
  }

  /** Turns multi-factor on when `code` is current for the pending secret; answers the recovery codes, shown this once. */
  async confirm(username: string, code: string): Promise<MfaConfirmation> {
    const pending = await this.totp.find(username);
    if (isEnabled(pending)) throw alreadyEnabled();
    if (!pending) throw new HttpError(409, 'mfa_not_pending', 'no authenticator app is being set up for this account: start with POST /api/auth/mfa/totp');
    const step = await acceptedStep(pending.secret, code, null);
    if (step === undefined) {
      const reason = 'is not the current code for the secret being set up: check the time on your phone, and that the app shows Golden Thread';
      throw new HttpError(400, 'bad_request', `code: ${reason}`, [{ field: 'code', reason }]);
    }
    const codes = newRecoveryCodes();
    const enabledAt = this.now().toISOString();
    // The same pending secret still: a second enrolment started meanwhile must be confirmed on its own.
    const written = await this.totp.update(username, (current) =>
      current && !current.enabledAt && current.secret === pending.secret ? { ...current, enabledAt, lastStep: step, recoveryCodeHashes: codes.map(recoveryCodeHash) } : undefined,
    );
    if (!written) throw new HttpError(409, 'mfa_not_pending', 'the set-up changed meanwhile (started again, or finished elsewhere): start again');
    return { enabled: true, recoveryCodes: codes };
  }

  /** The sign-in's second factor, spent when it passes: a code's time step, or the recovery code. */
  async check(username: string, factor: SecondFactor): Promise<SecondFactorCheck> {
    const state = await this.totp.find(username);
    if (!isEnabled(state)) return 'not_needed';
    if (factor.code) {
      const step = await acceptedStep(state.secret, factor.code, state.lastStep);
      if (step === undefined) return 'wrong';
      // Checked again inside the write: of two requests with the same code, one wins.
      const spent = await this.totp.update(username, (current) =>
        isEnabled(current) && current.secret === state.secret && (current.lastStep ?? -1) < step ? { ...current, lastStep: step } : undefined,
      );
      return spent ? 'passed' : 'wrong';
    }
    if (factor.recoveryCode) {
      const hash = recoveryCodeHash(factor.recoveryCode);
      const spent = await this.totp.update(username, (current) =>
        isEnabled(current) && current.recoveryCodeHashes.includes(hash) ? { ...current, recoveryCodeHashes: current.recoveryCodeHashes.filter((h) => h !== hash) } : undefined,
      );
      return spent ? 'passed' : 'wrong';
    }
    return 'missing';
  }

  /** Turns multi-factor off (or drops a pending set-up) when the owner proves it: the password, a current code or a recovery code. */
  async disable(user: UserRecord, proof: SecondFactor & { password?: string | undefined }): Promise<MfaStatus> {
    const proven = proof.password ? await verifyPassword(user.passwordHash, proof.password) : (await this.check(user.username, proof)) === 'passed';
    if (!proven) throw new HttpError(401, 'mfa_proof_invalid', 'wrong password or code: multi-factor stays on');
    await this.clear(user.username);
    return this.status(user.username);
  }

  /** Removes the account's authenticator and recovery codes (an administrator's reset for someone who lost their phone). */
  async clear(username: string): Promise<void> {
    await this.totp.update(username, (current) => (current ? null : undefined));
  }
}

const alreadyEnabled = () => new HttpError(409, 'mfa_already_enabled', 'multi-factor authentication is already on for this account: turn it off first to set up another app');
