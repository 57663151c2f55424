import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JurisdictionRow } from './persistence/jurisdiction.entity';
import { UserRow } from './persistence/user.entity';
import { AuditController } from './application/audit/audit.controller';
import { JurisdictionsController } from './application/jurisdictions/jurisdictions.controller';
import { LoginController } from './application/login/login.controller';
import { UserAdminService } from './application/users/user-admin.service';
import { UsersController } from './application/users/users.controller';
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
 * the jurisdiction tree and the audit trail. Needs EVENT_STORE, CLOCK and JURISDICTIONS from the app.
 */
@Module({})
export class IdentityModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [JwtModule.register({}), TypeOrmModule.forFeature(identityEntities)],
      controllers: [LoginController, UsersController, JurisdictionsController, SecurityAuditController, AuditController],
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
        UserAdminService,
        UserSeeding,
      ],
      exports: [Authenticator, TokenService, UserSeeding, PasswordHasher, SecurityEvents],
    };
  }
}
