import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (OWASP's first choice; @node-rs/argon2's default algorithm, m=19 MiB, t=2, p=1) through
 * `@node-rs/argon2`: maintained, and its binary arrives as a per-platform npm package, so it installs without build
 * scripts or downloads. (The `argon2` package's prebuilt Linux binary crashed on load on our machines.)
 */
@Injectable()
export class PasswordHasher {
  /** A hash to verify against when the user does not exist, so a wrong name costs the same time as a wrong password. */
  private readonly decoy = hash('decoy-password-never-valid');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(stored: string | undefined, password: string): Promise<boolean> {
    try {
      return await verify(stored ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
