// Identity and access: the only entry point other code imports.
export { IdentityModule } from './identity.module';
export { Authenticator, type Authenticated } from './auth/authenticator';
export { bearerToken } from './auth/auth.guard';
export { TokenService, type AuthOptions } from './auth/token.service';
export { UserSeeding, type SeededCredential } from './bootstrap/user-seeding';
export { UserRow } from './persistence/user.entity';
export { JurisdictionRow, loadJurisdictionRegistry } from './persistence/jurisdiction.entity';
export { MAX_FAILURES, FAILURE_WINDOW_MS } from './auth/login-throttle';
export { PasswordHasher } from './auth/password-hasher';
