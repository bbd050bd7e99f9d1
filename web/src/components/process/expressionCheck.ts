import { balancedSyntax, type ExpressionCheck } from './model'

/**
 * The syntax check for condition expressions. The shared parser `utils/formExpressions.ts` (built by the
 * form designer work) is used when it is part of the build; until then only balanced parentheses and
 * quotes are checked. The glob is resolved at build time, so no code changes are needed once it lands.
 */
interface SharedParser {
  checkExpression: (source: string) => { ok: true; names: string[] } | { ok: false; position: number; message: string }
}

const shared = Object.values(import.meta.glob<SharedParser>('/src/utils/formExpressions.ts', { eager: true }))[0]

export const usesSharedParser = Boolean(shared?.checkExpression)

export const checkCondition: ExpressionCheck = (expression) => {
  if (!shared?.checkExpression) return balancedSyntax(expression)
  const result = shared.checkExpression(expression)
  return result.ok ? null : result.message
}

/** Field keys an expression refers to (shared parser only; empty with the fallback). */
export function referencedFields(expression: string): string[] {
  if (!shared?.checkExpression) return []
  const result = shared.checkExpression(expression)
  return result.ok ? result.names : []
}
