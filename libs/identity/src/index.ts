// Identity and access: the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { userAccountAggregate } from './application/user-account.aggregate';
export { IdentityModule, identityEntities } from './identity.module';
export { Authenticator, type Authenticated } from './auth/authenticator';
export { bearerToken } from './auth/auth.guard';
export { TokenService, type AuthOptions } from './auth/token.service';
export { adminPasswordFile, UserSeeding, type SeededCredential } from './bootstrap/user-seeding';
export { loadJurisdictionRegistry } from './persistence/jurisdiction.entity';
export { UserDirectory } from './persistence/user-directory';
export { FREE_FAILURES, FIRST_DELAY_MS, MAX_DELAY_MS, delayAfter } from './auth/login-throttle';
export { SecurityEvents } from './audit/security-events';
export { rotateSigningKeys, ensureSigningKey } from './auth/signing-keys';
export { passwordProblem } from './auth/password-policy';
export { PasswordHasher } from './auth/password-hasher';
export { UserNames } from './persistence/user-names';
