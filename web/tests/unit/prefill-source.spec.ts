import { describe, expect, it } from 'vitest'
import { prefillSourceName } from '@/components/forms/prefillSource'

const messages: Record<string, string> = {
  'forms.prefill.sources.profile': '人事数据',
  'forms.prefill.sources.hall': '服务大厅',
}
const t = (key: string) => messages[key] ?? key
const te = (key: string) => key in messages

describe('prefillSourceName', () => {
  it('names every provider that has a message, the hall included', () => {
    expect(prefillSourceName('profile.name', t, te)).toBe('人事数据')
    expect(prefillSourceName('hall.applicantKind', t, te)).toBe('服务大厅')
  })

  it('keeps the namespace of a provider without a message', () => {
    expect(prefillSourceName('library.card', t, te)).toBe('library')
    expect(prefillSourceName('', t, te)).toBe('')
  })
})
