import { Injectable } from '@nestjs/common';
import type { EnterpriseProfile, EnterpriseProfiles } from '@app/incidents';
import { EnterpriseRegister } from './enterprise-register.queries';

/** The incidents context's ENTERPRISE_PROFILES port, answered from the register. */
@Injectable()
export class RegisterEnterpriseProfiles implements EnterpriseProfiles {
  constructor(private readonly register: EnterpriseRegister) {}

  async find(enterpriseId: string): Promise<EnterpriseProfile | null> {
    const view = await this.register.find(enterpriseId);
    if (!view) return null;
    return {
      id: view.id,
      name: view.name,
      creditCode: view.creditCode,
      industryLabel: view.industryLabel,
      jurisdiction: view.jurisdiction,
      address: view.address,
      principal: { ...view.contacts.principal },
    };
  }
}
