import { describe, expect, it } from 'vitest'
import { messages, SUPPORTED_LOCALES } from '@/locales'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') result.set(path, value)
    else for (const [k, v] of flatten(value, path)) result.set(k, v)
  }
  return result
}

const zh = flatten(messages['zh-CN'])
const en = flatten(messages['en-US'])

describe('locale files', () => {
  it('both locales define the same modules (one JSON file per module)', () => {
    expect(Object.keys(messages['en-US']).sort()).toEqual(Object.keys(messages['zh-CN']).sort())
    expect(Object.keys(messages['zh-CN'])).toEqual(
      expect.arrayContaining(['common', 'auth', 'home', 'profile', 'audit', 'errors', 'enums']),
    )
  })

  it('zh-CN and en-US have exactly the same key set', () => {
    const missingInEn = [...zh.keys()].filter((key) => !en.has(key))
    const missingInZh = [...en.keys()].filter((key) => !zh.has(key))
    expect(missingInEn, 'keys missing in en-US').toEqual([])
    expect(missingInZh, 'keys missing in zh-CN').toEqual([])
  })

  it.each(SUPPORTED_LOCALES)('%s has no empty messages', (locale) => {
    const flat = flatten(messages[locale])
    const empty = [...flat.entries()].filter(([, value]) => value.trim() === '').map(([key]) => key)
    expect(empty).toEqual([])
  })

  it.each(SUPPORTED_LOCALES)('%s uses the same placeholders as zh-CN', (locale) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const flat = flatten(messages[locale])
    for (const [key, value] of zh) {
      expect(placeholders(flat.get(key) ?? ''), key).toEqual(placeholders(value))
    }
  })

  it.each([
    ['zh-CN', 'OneCampus · 一网通办'],
    ['en-US', 'OneCampus'],
  ] as const)('%s product name is %s', (locale, name) => {
    expect(flatten(messages[locale]).get('common.appName')).toBe(name)
  })

  it.each([
    'enums.affiliationType.UNDERGRADUATE',
    'enums.affiliationType.PARENT',
    'enums.affiliationStatus.GRADUATED',
    'enums.orgUnitType.RESEARCH_GROUP',
    'audit.actions.authSignInFailed',
  ])('translates %s in both locales', (key) => {
    expect(zh.get(key)).toBeTruthy()
    expect(en.get(key)).toBeTruthy()
  })
})
