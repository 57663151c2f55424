import type { EnterpriseContactsData } from '../domain/enterprise/enterprise.types';
import type {
  EnterpriseContactRequest,
  EnterpriseContactsRequest,
} from './register-enterprise/register-enterprise.request';

/**
 * The two spellings of the people a request may use: `contact` (the 主要负责人 alone, as the first API had it) and
 * `contacts: { principal, safety? }`. When both name a principal, `contacts` wins. Undefined when neither names one.
 */
export function contactsOf(request: {
  contact?: EnterpriseContactRequest;
  contacts?: EnterpriseContactsRequest;
}): EnterpriseContactsData | undefined {
  const principal = request.contacts?.principal ?? request.contact;
  if (!principal) return undefined;
  const safety = request.contacts?.safety;
  return {
    principal: { name: principal.name, phone: principal.phone },
    safety: safety ? { name: safety.name, phone: safety.phone } : null,
  };
}
