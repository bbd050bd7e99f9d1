import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checkExpression,
  evaluateCondition,
  evaluateExpression,
  ExpressionSyntaxError,
  todayInChina,
} from '@/utils/formExpressions'

interface Case {
  expr: string
  vars: Record<string, unknown>
  result: unknown
}

// vitest runs in web/; the same vectors drive the server's FormExpressions tests.
const casesFile = resolve(process.cwd(), '../server/src/test/resources/workflow/expression-cases.json')
const cases = JSON.parse(readFileSync(casesFile, 'utf8')) as Case[]

describe('form expressions: the shared vectors', () => {
  it('has enough cases to pin the semantics', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
  })

  it.each(cases.map((c) => [c.expr, c] as const))('%s', (_expr, c) => {
    if (c.result === '#error') {
      expect(() => evaluateExpression(c.expr, c.vars)).toThrow(ExpressionSyntaxError)
    } else {
      expect(evaluateExpression(c.expr, c.vars)).toEqual(c.result)
    }
  })
})

describe('form expressions: editor support', () => {
  it('reports the position of a syntax error', () => {
    const check = checkExpression('days > 3 && (reason')
    expect(check.ok).toBe(false)
    if (!check.ok) {
      expect(check.position).toBe(19)
      expect(check.code).toBe('unexpectedEnd')
    }
    const unknown = checkExpression('1 + foo(2)')
    expect(unknown).toMatchObject({ ok: false, position: 4, code: 'unknownFunction' })
  })

  it('lists the variables an expression reads', () => {
    expect(checkExpression('sum(items.amount) + row.qty * days + days')).toEqual({
      ok: true,
      names: ['items.amount', 'row.qty', 'days'],
    })
  })

  it('gives today() in China time unless the caller fixes it', () => {
    expect(evaluateExpression('today()', {}, { today: '2026-11-23' })).toBe('2026-11-23')
    expect(todayInChina(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24')
    expect(evaluateExpression("daysBetween(today(), '2026-12-01')", {}, { today: '2026-11-23' })).toBe(8)
  })

  it('treats conditions that do not parse as their fallback and blank conditions as absent', () => {
    expect(evaluateCondition('days > ', { days: 4 }, true)).toBe(true)
    expect(evaluateCondition('  ', {}, false)).toBe(false)
    expect(evaluateCondition('days > 3', { days: 4 }, false)).toBe(true)
  })

  it('never reaches the JavaScript environment', () => {
    expect(evaluateExpression('constructor', {})).toBeNull()
    expect(evaluateExpression('toString', {})).toBeNull()
    expect(evaluateExpression('row.constructor', { row: {} })).toBeNull()
    expect(evaluateExpression('__proto__', {})).toBeNull()
    expect(() => evaluateExpression('constructor(1)', {})).toThrow(ExpressionSyntaxError)
  })
})
