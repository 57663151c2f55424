import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { JurisdictionRegistry } from '@app/shared';

/** The read-model tables this context owns. */
export const enterpriseEntities: (new () => object)[] = [];

/**
 * 企业与重大危险源: the register of regulated units (统一社会信用代码, contacts, gateways' device keys) and of their
 * major hazard sources identified and graded per GB 18218-2018 (docs/enterprises.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(enterpriseEntities), CqrsModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class EnterprisesModule {}

export function enterpriseProjections(_jurisdictions: JurisdictionRegistry) {
  return [];
}
