import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsAcceptablePassword } from '../../auth/password-policy';

/** POST /users/{id}/password-reset: an administrator sets a new password (told to the user out of band). */
export class ResetPasswordRequest {
  @ApiProperty({ minLength: 12 })
  @IsString()
  @IsAcceptablePassword()
  newPassword!: string;
}
