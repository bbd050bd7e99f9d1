import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { messages } from '@/locales'
import { visibleNavEntries } from '@/router/navigation'
import { routes } from '@/router/routes'
import type { AccessGrant } from '@/api/identity/roles'
import { accessReason } from '@/views/identity/roles/accessReason'

const grant: AccessGrant = {
  role: 'ADVISORS',
  roleName: '辅导员工作',
  roleNameEn: 'Advising',
  via: 'DIRECT',
  positionKind: null,
  orgUnitCode: null,
  orgUnitName: null,
  affiliationType: null,
  scopeOrgUnitCode: null,
  scopeOrgUnitName: null,
}

function translator(locale: 'zh-CN' | 'en-US') {
  const i18n = createI18n({ legacy: false, locale, messages })
  return (key: string, params?: Record<string, unknown>) => (params ? i18n.global.t(key, params) : i18n.global.t(key))
}

describe('roles page', () => {
  it('is listed and guarded only with identity:role:manage', () => {
    expect(visibleNavEntries(['identity:me:read']).map((e) => e.key)).not.toContain('roles')
    expect(visibleNavEntries(['identity:role:manage']).map((e) => e.key)).toContain('roles')
    const children = routes.flatMap((route) => route.children ?? [])
    expect(children.find((route) => route.name === 'identity-roles')?.meta?.permission).toBe('identity:role:manage')
  })

  it('says how a role reached the person: via a position at a unit, an affiliation type or directly with a scope', () => {
    const t = translator('en-US')
    expect(accessReason({ ...grant, via: 'POSITION', positionKind: 'COUNSELLOR', orgUnitName: 'CS College' }, t)).toBe(
      'Role 辅导员工作 (ADVISORS) via position Counsellor (CS College)',
    )
    expect(accessReason({ ...grant, via: 'AFFILIATION', affiliationType: 'FACULTY' }, t)).toContain('Faculty')
    expect(accessReason({ ...grant, scopeOrgUnitCode: 'CS', scopeOrgUnitName: '计算机学院' }, translator('zh-CN'))).toBe(
      '直接授予角色 辅导员工作 (ADVISORS)（范围：计算机学院）',
    )
  })
})
