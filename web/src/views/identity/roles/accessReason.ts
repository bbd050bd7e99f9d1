import type { AccessGrant } from '@/api/identity/roles'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** One sentence saying how a role reached the person: directly (with its scope), via a position or an affiliation type. */
export function accessReason(grant: AccessGrant, t: Translate): string {
  const role = `${grant.roleName} (${grant.role})`
  if (grant.via === 'POSITION') {
    return t('roles.access.viaPosition', {
      role,
      kind: t(`people.positionKind.${grant.positionKind}`),
      unit: grant.orgUnitName ?? grant.orgUnitCode ?? '',
    })
  }
  if (grant.via === 'AFFILIATION') {
    return t('roles.access.viaAffiliation', { role, type: t(`enums.affiliationType.${grant.affiliationType}`) })
  }
  return grant.scopeOrgUnitCode
    ? t('roles.access.directScoped', { role, scope: grant.scopeOrgUnitName ?? grant.scopeOrgUnitCode })
    : t('roles.access.direct', { role })
}
