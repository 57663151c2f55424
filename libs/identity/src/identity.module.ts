import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JurisdictionRow } from './persistence/jurisdiction.entity';
import { UserRow } from './persistence/user.entity';
import { AuditController } from './application/audit/audit.controller';
import { JurisdictionsController } from './application/jurisdictions/jurisdictions.controller';
import { LoginController } from './application/login/login.controller';
import { ChangePasswordController } from './application/change-password/change-password.controller';
import { ChangePasswordHandler } from './application/change-password/change-password.handler';
import { CreateUserController } from './application/create-user/create-user.controller';
import { CreateUserHandler } from './application/create-user/create-user.handler';
import { DisableUserController } from './application/disable-user/disable-user.controller';
import { DisableUserHandler } from './application/disable-user/disable-user.handler';
import { EnableUserController } from './application/enable-user/enable-user.controller';
import { EnableUserHandler } from './application/enable-user/enable-user.handler';
import { UserQueriesController } from './application/query-users/user-queries.controller';
import { ResetPasswordController } from './application/reset-password/reset-password.controller';
import { ResetPasswordHandler } from './application/reset-password/reset-password.handler';
import { UpdateUserController } from './application/update-user/update-user.controller';
import { UpdateUserHandler } from './application/update-user/update-user.handler';
import { UserAccountChange } from './application/user-account-change';
import { UserAccounts } from './persistence/user-accounts';
import { AuditTrailQueries } from './audit/audit-trail.queries';
import { SecurityEventQueries } from './audit/security-event.queries';
import { AuthGuard } from './auth/auth.guard';
import { Authenticator } from './auth/authenticator';
import { LoginThrottle } from './auth/login-throttle';
import { PasswordHasher } from './auth/password-hasher';
import { AUTH_OPTIONS, TokenService, type AuthOptions } from './auth/token.service';
import { UserSeeding } from './bootstrap/user-seeding';
import { Sessions } from './auth/sessions';
import { Devices } from './auth/devices';
import { SecurityEvents } from './audit/security-events';
import { SecurityAuditController } from './application/audit/security-audit.controller';

/** The tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const identityEntities = [UserRow, JurisdictionRow];

/**
 * Identity and access: sign-in, tokens, the global guard (every route closed unless `@Public()`), users,
 * the jurisdiction tree and the audit trail. Needs the CommandExecutor, EVENT_STORE, CLOCK and JURISDICTIONS from the
 * app.
 */
@Module({})
export class IdentityModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [JwtModule.register({}), TypeOrmModule.forFeature(identityEntities)],
      controllers: [
        LoginController,
        ChangePasswordController,
        CreateUserController,
        UserQueriesController,
        DisableUserController,
        UpdateUserController,
        EnableUserController,
        ResetPasswordController,
        JurisdictionsController,
        SecurityAuditController,
        AuditController,
      ],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: AuthGuard },
        TokenService,
        Authenticator,
        PasswordHasher,
        LoginThrottle,
        Sessions,
        Devices,
        SecurityEvents,
        UserAccounts,
        UserAccountChange,
        CreateUserHandler,
        UpdateUserHandler,
        DisableUserHandler,
        EnableUserHandler,
        ResetPasswordHandler,
        ChangePasswordHandler,
        AuditTrailQueries,
        SecurityEventQueries,
        UserSeeding,
      ],
      exports: [Authenticator, TokenService, UserSeeding, PasswordHasher, SecurityEvents],
    };
  }
}
