import { describe, expect, it } from 'vitest'
import { STATUS_TAG, fixedPercent } from '@/views/identity/admin/campaigns/status'
import { campaignExportUrl } from '@/api/identity/admin'

describe('weak-password campaign helpers', () => {
  it.each([
    [0, 0, 0],
    [1, 3, 33],
    [38, 659, 6],
    [659, 659, 100],
  ])('%i fixed of %i targets is %i%%', (fixed, targeted, percent) => {
    expect(fixedPercent(fixed, targeted)).toBe(percent)
  })

  it.each([
    ['DRAFT', 'info'],
    ['LAUNCHED', 'primary'],
    ['CLOSED', 'success'],
    ['CANCELLED', 'warning'],
  ] as const)('a %s campaign is tagged %s', (status, tag) => {
    expect(STATUS_TAG[status]).toBe(tag)
  })

  it('exports point at the campaign targets in either format', () => {
    expect(campaignExportUrl('a b', 'csv')).toBe('/api/v1/identity/password-campaigns/a%20b/targets.csv')
    expect(campaignExportUrl('x', 'xlsx')).toBe('/api/v1/identity/password-campaigns/x/targets.xlsx')
  })
})
