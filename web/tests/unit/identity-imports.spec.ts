import { describe, expect, it } from 'vitest'
import { visibleNavEntries } from '@/router/navigation'
import { routes } from '@/router/routes'
import zh from '@/locales/zh-CN/imports.json'
import en from '@/locales/en-US/imports.json'

describe('people import navigation', () => {
  it.each([
    ['a people manager', ['identity:person:read', 'identity:person:manage'], true],
    ['a people reader', ['identity:person:read'], false],
    ['a student', [], false],
  ])('%s sees the import entry: %s', (_who, permissions, shown) => {
    expect(visibleNavEntries(permissions).some((entry) => entry.key === 'imports')).toBe(shown)
  })

  it('guards the import page with the permission the server checks', () => {
    const children = routes.flatMap((route) => route.children ?? [])
    expect(children.find((route) => route.name === 'identity-imports')?.meta?.permission).toBe('identity:person:manage')
  })

  it('labels every column the server reports problems in, in both languages', () => {
    const columns = ['name', 'nameEn', 'gender', 'phone', 'email', 'idCard', 'affiliationType', 'identifier', 'orgUnitCode', 'startDate', 'endDate']
    expect(Object.keys(zh.columns)).toEqual(columns)
    expect(Object.keys(en.columns)).toEqual(columns)
  })
})
