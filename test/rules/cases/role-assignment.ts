import { tf } from '../helpers';

/** A role assignment at `scope` (left out when empty), with `extra` resources: ZT-IDENTITY-008 and -009 cases. */
export const scopedAssignment = (scope: unknown, extra: Record<string, Record<string, unknown>> = {}) =>
  tf({
    azurerm_role_assignment: {
      r: { principal_id: 'p', role_definition_name: 'Storage Blob Data Reader', ...(scope ? { scope } : {}) },
    },
    ...extra,
  });

export const RA = 'azurerm_role_assignment.r';
