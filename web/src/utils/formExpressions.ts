/**
 * The form expression language of the workflow contract (issue 5), evaluated in the browser with the same
 * semantics as the server's `FormExpressions`: visibleWhen / requiredWhen / compute of form fields and the
 * conditions of process branches.
 *
 * A hand-written tokenizer + precedence-climbing parser builds a small tree; the evaluator walks it. Nothing is
 * ever handed to `eval`/`Function`, and the only property access is the dotted lookup of caller-provided
 * variables (`amount`, `row.price`, `applicant.unit`, `items.amount` = that column of every row).
 *
 * Semantics (kept identical to the Java evaluator; the shared vectors live in
 * `server/src/test/resources/workflow/expression-cases.json`):
 * - values: null, boolean, number (decimal; results rounded to 10 places), string, array, object (rows)
 * - `+` concatenates when either side is a string (null → '', numbers in plain notation); otherwise arithmetic
 * - arithmetic treats null as 0; any other non-number operand is a runtime type error → null; x / 0 and x % 0 → null
 * - `==`/`!=`: no coercion (1 == '1' is false); numbers by value; arrays and objects by content
 * - `< <= > >=`: numbers by value, strings by code units (ISO dates compare chronologically); with null false,
 *   with mixed types null (a type error)
 * - `!`, `&&`, `||`, `?:` use truthiness (null, false, 0, '' and [] are falsy); `&&`/`||` short-circuit and
 *   always yield a boolean
 * - unknown identifiers are null (a caller variable may also be given flat: `{ "applicant.unit": "CS" }`);
 *   unknown functions and wrong argument counts are syntax errors
 * - sum/min/max take any number of arguments and expand list arguments; len counts code points
 */

export type ExprValue = null | boolean | number | string | ExprValue[] | { [key: string]: ExprValue }

/** A syntax error with the 0-based character position it was detected at. */
export class ExpressionSyntaxError extends Error {
  readonly position: number
  /** Machine-readable reason: `unexpectedChar`, `unterminatedString`, `unexpectedToken`, `unexpectedEnd`,
   *  `unknownFunction`, `arity`, `empty`. */
  readonly code: string

  constructor(code: string, position: number, detail: string) {
    super(`${detail} at position ${position}`)
    this.name = 'ExpressionSyntaxError'
    this.code = code
    this.position = position
  }
}

// ------------------------------------------------------------------------------------------------ tokens

type TokenKind = 'number' | 'string' | 'ident' | 'op' | 'end'

interface Token {
  kind: TokenKind
  text: string
  value?: number | string
  pos: number
}

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '!', '-', '+', '*', '/', '%', '<', '>', '?', ':', '(', ')', ',']
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"' }

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9'
}

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_'
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c)
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]!
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++
      continue
    }
    const start = i
    if (isDigit(c)) {
      while (i < src.length && isDigit(src[i]!)) i++
      if (src[i] === '.') {
        i++
        if (!isDigit(src[i] ?? '')) throw new ExpressionSyntaxError('unexpectedChar', i, 'digit expected')
        while (i < src.length && isDigit(src[i]!)) i++
      }
      if (isIdentPart(src[i] ?? '')) throw new ExpressionSyntaxError('unexpectedChar', i, `unexpected '${src[i]}'`)
      const text = src.slice(start, i)
      tokens.push({ kind: 'number', text, value: Number(text), pos: start })
      continue
    }
    if (c === "'" || c === '"') {
      i++
      let value = ''
      for (;;) {
        if (i >= src.length) throw new ExpressionSyntaxError('unterminatedString', start, 'unterminated string')
        const d = src[i]!
        if (d === c) {
          i++
          break
        }
        if (d === '\\') {
          const escaped = ESCAPES[src[i + 1] ?? '']
          if (escaped === undefined) throw new ExpressionSyntaxError('unexpectedChar', i, 'invalid escape')
          value += escaped
          i += 2
          continue
        }
        value += d
        i++
      }
      tokens.push({ kind: 'string', text: src.slice(start, i), value, pos: start })
      continue
    }
    if (isIdentStart(c)) {
      for (;;) {
        while (i < src.length && isIdentPart(src[i]!)) i++
        if (src[i] === '.' && isIdentStart(src[i + 1] ?? '')) {
          i++
          continue
        }
        break
      }
      tokens.push({ kind: 'ident', text: src.slice(start, i), pos: start })
      continue
    }
    const op = OPERATORS.find((candidate) => src.startsWith(candidate, i))
    if (!op) throw new ExpressionSyntaxError('unexpectedChar', i, `unexpected '${c}'`)
    tokens.push({ kind: 'op', text: op, pos: start })
    i += op.length
  }
  tokens.push({ kind: 'end', text: '', pos: src.length })
  return tokens
}

// ------------------------------------------------------------------------------------------------ tree

export type ExprNode =
  | { type: 'literal'; value: ExprValue }
  | { type: 'var'; path: string[] }
  | { type: 'unary'; op: '!' | '-'; operand: ExprNode }
  | { type: 'binary'; op: string; left: ExprNode; right: ExprNode }
  | { type: 'conditional'; test: ExprNode; then: ExprNode; otherwise: ExprNode }
  | { type: 'call'; name: FunctionName; args: ExprNode[] }

type FunctionName = keyof typeof ARITY

/** Allowed functions with their [min, max] argument counts. */
const ARITY = {
  sum: [1, Infinity],
  count: [1, 1],
  min: [1, Infinity],
  max: [1, Infinity],
  abs: [1, 1],
  round: [1, 2],
  len: [1, 1],
  empty: [1, 1],
  contains: [2, 2],
  days: [1, 1],
  daysBetween: [2, 2],
  today: [0, 0],
} as const

export const EXPRESSION_FUNCTIONS = Object.keys(ARITY) as FunctionName[]

/** Binary operators by precedence level, loosest first (above them: `?:`, below them: unary). */
const LEVELS: string[][] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']]

class Parser {
  private index = 0

  constructor(private readonly tokens: Token[]) {}

  private get current(): Token {
    return this.tokens[this.index]!
  }

  private fail(token: Token): never {
    if (token.kind === 'end') throw new ExpressionSyntaxError('unexpectedEnd', token.pos, 'unexpected end')
    throw new ExpressionSyntaxError('unexpectedToken', token.pos, `unexpected '${token.text}'`)
  }

  private acceptOp(text: string): boolean {
    if (this.current.kind === 'op' && this.current.text === text) {
      this.index++
      return true
    }
    return false
  }

  private expectOp(text: string): void {
    if (!this.acceptOp(text)) this.fail(this.current)
  }

  parse(): ExprNode {
    if (this.current.kind === 'end') throw new ExpressionSyntaxError('empty', 0, 'empty expression')
    const node = this.conditional()
    const rest: Token = this.tokens[this.index]!
    if (rest.kind !== 'end') this.fail(rest)
    return node
  }

  private conditional(): ExprNode {
    const test = this.binary(0)
    if (!this.acceptOp('?')) return test
    const then = this.conditional()
    this.expectOp(':')
    const otherwise = this.conditional()
    return { type: 'conditional', test, then, otherwise }
  }

  private binary(level: number): ExprNode {
    if (level >= LEVELS.length) return this.unary()
    let left = this.binary(level + 1)
    for (;;) {
      const token = this.current
      if (token.kind !== 'op' || !LEVELS[level]!.includes(token.text)) return left
      this.index++
      const right = this.binary(level + 1)
      left = { type: 'binary', op: token.text, left, right }
    }
  }

  private unary(): ExprNode {
    if (this.acceptOp('!')) return { type: 'unary', op: '!', operand: this.unary() }
    if (this.acceptOp('-')) return { type: 'unary', op: '-', operand: this.unary() }
    return this.primary()
  }

  private primary(): ExprNode {
    const token = this.current
    if (token.kind === 'number' || token.kind === 'string') {
      this.index++
      return { type: 'literal', value: token.value! }
    }
    if (token.kind === 'op' && token.text === '(') {
      this.index++
      const inner = this.conditional()
      this.expectOp(')')
      return inner
    }
    if (token.kind === 'ident') {
      this.index++
      if (token.text === 'true') return { type: 'literal', value: true }
      if (token.text === 'false') return { type: 'literal', value: false }
      if (token.text === 'null') return { type: 'literal', value: null }
      if (this.current.kind === 'op' && this.current.text === '(') return this.call(token)
      return { type: 'var', path: token.text.split('.') }
    }
    return this.fail(token)
  }

  private call(name: Token): ExprNode {
    if (!Object.hasOwn(ARITY, name.text)) {
      throw new ExpressionSyntaxError('unknownFunction', name.pos, `unknown function '${name.text}'`)
    }
    this.expectOp('(')
    const args: ExprNode[] = []
    if (!this.acceptOp(')')) {
      do args.push(this.conditional())
      while (this.acceptOp(','))
      this.expectOp(')')
    }
    const fn = name.text as FunctionName
    const [min, max] = ARITY[fn]
    if (args.length < min || args.length > max) {
      throw new ExpressionSyntaxError('arity', name.pos, `wrong number of arguments for '${fn}'`)
    }
    return { type: 'call', name: fn, args }
  }
}

const cache = new Map<string, ExprNode>()

/** Parses `source`; throws {@link ExpressionSyntaxError}. Results are cached per source text. */
export function parseExpression(source: string): ExprNode {
  let node = cache.get(source)
  if (!node) {
    node = new Parser(tokenize(source)).parse()
    if (cache.size > 2000) cache.clear()
    cache.set(source, node)
  }
  return node
}

export type SyntaxCheck = { ok: true; names: string[] } | { ok: false; position: number; code: string; message: string }

/** For editors: whether `source` parses, the variables it reads, or where it fails. */
export function checkExpression(source: string): SyntaxCheck {
  try {
    return { ok: true, names: referencedNames(parseExpression(source)) }
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) {
      return { ok: false, position: error.position, code: error.code, message: error.message }
    }
    throw error
  }
}

/** Dotted variable names an expression reads, in first-use order (`row.price`, `items.amount`, `days`). */
export function referencedNames(node: ExprNode): string[] {
  const names: string[] = []
  const visit = (n: ExprNode): void => {
    switch (n.type) {
      case 'var': {
        const name = n.path.join('.')
        if (!names.includes(name)) names.push(name)
        break
      }
      case 'unary':
        visit(n.operand)
        break
      case 'binary':
        visit(n.left)
        visit(n.right)
        break
      case 'conditional':
        visit(n.test)
        visit(n.then)
        visit(n.otherwise)
        break
      case 'call':
        n.args.forEach(visit)
        break
      case 'literal':
        break
    }
  }
  visit(node)
  return names
}

// ------------------------------------------------------------------------------------------------ evaluation

export interface EvaluationOptions {
  /** `today()` as YYYY-MM-DD; defaults to the current date in China Standard Time (the campus' zone). */
  today?: string
}

/** Rounds to 10 decimal places so that 0.1 + 0.2 is 0.3, as the server's BigDecimal arithmetic gives. */
function decimal(value: number): number | null {
  if (!Number.isFinite(value)) return null
  const rounded = Number(value.toFixed(10))
  return Object.is(rounded, -0) ? 0 : rounded
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Brings caller data into the value domain: undefined → null, non-finite numbers → null. */
function normalize(value: unknown): ExprValue {
  if (value === undefined || value === null) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (Array.isArray(value)) return value.map(normalize)
  if (isObject(value)) {
    const result: Record<string, ExprValue> = {}
    for (const [key, item] of Object.entries(value)) result[key] = normalize(item)
    return result
  }
  return null
}

function lookup(vars: Record<string, unknown>, path: string[]): ExprValue {
  const dotted = path.join('.')
  if (path.length > 1 && Object.hasOwn(vars, dotted)) return normalize(vars[dotted])
  let current: unknown = Object.hasOwn(vars, path[0]!) ? vars[path[0]!] : null
  for (const segment of path.slice(1)) {
    if (Array.isArray(current)) {
      current = current.map((row) => (isObject(row) && Object.hasOwn(row, segment) ? row[segment] : null))
    } else if (isObject(current)) {
      current = Object.hasOwn(current, segment) ? current[segment] : null
    } else {
      return null
    }
  }
  return normalize(current)
}

export function truthy(value: ExprValue): boolean {
  if (value === null || value === false || value === 0 || value === '') return false
  if (Array.isArray(value)) return value.length > 0
  return true
}

export function valuesEqual(a: ExprValue, b: ExprValue): boolean {
  if (a === null || b === null) return a === b
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]!))
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && valuesEqual(a[key]!, b[key]!))
  }
  return a === b
}

function asNumber(value: ExprValue): number | undefined {
  if (value === null) return 0
  return typeof value === 'number' ? value : undefined
}

/** Plain notation without exponent or trailing zeros, like BigDecimal.stripTrailingZeros().toPlainString(). */
function plain(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString()
  return value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '')
}

function asText(value: ExprValue): string | undefined {
  if (value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return plain(value)
  if (typeof value === 'boolean') return String(value)
  return undefined
}

function compare(op: string, a: ExprValue, b: ExprValue): boolean | null {
  if (a === null || b === null) return false
  let order: number
  if (typeof a === 'number' && typeof b === 'number') order = a - b
  else if (typeof a === 'string' && typeof b === 'string') order = a < b ? -1 : a > b ? 1 : 0
  else return null
  switch (op) {
    case '<':
      return order < 0
    case '<=':
      return order <= 0
    case '>':
      return order > 0
    default:
      return order >= 0
  }
}

function arithmetic(op: string, left: ExprValue, right: ExprValue): ExprValue {
  if (op === '+' && (typeof left === 'string' || typeof right === 'string')) {
    const a = asText(left)
    const b = asText(right)
    return a === undefined || b === undefined ? null : a + b
  }
  const a = asNumber(left)
  const b = asNumber(right)
  if (a === undefined || b === undefined) return null
  switch (op) {
    case '+':
      return decimal(a + b)
    case '-':
      return decimal(a - b)
    case '*':
      return decimal(a * b)
    case '/':
      return b === 0 ? null : decimal(a / b)
    default:
      return b === 0 ? null : decimal(a % b)
  }
}

/** HALF_UP rounding (halves away from zero) to `places` decimals, as BigDecimal.setScale(places, HALF_UP). */
function roundHalfUp(value: number, places: number): number | null {
  if (!Number.isInteger(places)) return null
  const shifted = Number(`${Math.abs(value)}e${places}`)
  const rounded = Number(`${Math.round(shifted)}e${-places}`)
  return decimal(Math.sign(value) * rounded)
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/

/** Day number of an ISO date (or the date part of a date-time); undefined for anything else. */
function dayNumber(value: ExprValue): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = DATE.exec(value)
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const time = Date.UTC(year, month - 1, day)
  const check = new Date(time)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined
  return Math.round(time / 86_400_000)
}

/** The numbers of the arguments, list arguments expanded; nulls skipped; anything else → null. */
function numbersOf(args: ExprValue[]): number[] | null {
  const values = args.flatMap((arg) => (Array.isArray(arg) ? arg : [arg]))
  const numbers: number[] = []
  for (const value of values) {
    if (value === null) continue
    if (typeof value !== 'number') return null
    numbers.push(value)
  }
  return numbers
}

export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

function callFunction(name: FunctionName, args: ExprValue[], options: EvaluationOptions): ExprValue {
  const [first = null, second = null] = args
  switch (name) {
    case 'sum': {
      const numbers = numbersOf(args)
      return numbers === null ? null : decimal(numbers.reduce((total, n) => total + n, 0))
    }
    case 'count':
      if (first === null) return 0
      return Array.isArray(first) ? first.length : null
    case 'min':
    case 'max': {
      const numbers = numbersOf(args)
      if (numbers === null || numbers.length === 0) return null
      return name === 'min' ? Math.min(...numbers) : Math.max(...numbers)
    }
    case 'abs':
      return typeof first === 'number' ? Math.abs(first) : null
    case 'round': {
      const n = asNumber(first)
      const places = args.length > 1 ? second : 0
      if (n === undefined || typeof places !== 'number') return null
      return roundHalfUp(n, places)
    }
    case 'len':
      if (first === null) return 0
      if (typeof first === 'string') return [...first].length
      if (Array.isArray(first)) return first.length
      return null
    case 'empty':
      return first === null || first === '' || (Array.isArray(first) && first.length === 0)
    case 'contains':
      if (Array.isArray(first)) return first.some((item) => valuesEqual(item, second))
      if (typeof first === 'string') return second !== null && first.includes(asText(second) ?? '\u0000')
      return false
    case 'days': {
      if (!Array.isArray(first) || first.length !== 2) return null
      const start = dayNumber(first[0]!)
      const end = dayNumber(first[1]!)
      return start === undefined || end === undefined ? null : end - start + 1
    }
    case 'daysBetween': {
      const a = dayNumber(first)
      const b = dayNumber(second)
      return a === undefined || b === undefined ? null : b - a
    }
    case 'today':
      return options.today ?? todayInChina()
  }
}

function evaluateNode(node: ExprNode, vars: Record<string, unknown>, options: EvaluationOptions): ExprValue {
  switch (node.type) {
    case 'literal':
      return node.value
    case 'var':
      return lookup(vars, node.path)
    case 'unary': {
      const value = evaluateNode(node.operand, vars, options)
      if (node.op === '!') return !truthy(value)
      const n = asNumber(value)
      return n === undefined ? null : decimal(-n)
    }
    case 'conditional':
      return truthy(evaluateNode(node.test, vars, options))
        ? evaluateNode(node.then, vars, options)
        : evaluateNode(node.otherwise, vars, options)
    case 'call':
      return callFunction(
        node.name,
        node.args.map((arg) => evaluateNode(arg, vars, options)),
        options,
      )
    case 'binary': {
      const { op } = node
      if (op === '&&') return truthy(evaluateNode(node.left, vars, options)) && truthy(evaluateNode(node.right, vars, options))
      if (op === '||') return truthy(evaluateNode(node.left, vars, options)) || truthy(evaluateNode(node.right, vars, options))
      const left = evaluateNode(node.left, vars, options)
      const right = evaluateNode(node.right, vars, options)
      if (op === '==') return valuesEqual(left, right)
      if (op === '!=') return !valuesEqual(left, right)
      if (op === '<' || op === '<=' || op === '>' || op === '>=') return compare(op, left, right)
      return arithmetic(op, left, right)
    }
  }
}

/**
 * Evaluates `expression` (source text or a parsed tree) against `vars`.
 * Throws {@link ExpressionSyntaxError} for a syntax error; runtime type errors give null.
 */
export function evaluateExpression(
  expression: string | ExprNode,
  vars: Record<string, unknown>,
  options: EvaluationOptions = {},
): ExprValue {
  const node = typeof expression === 'string' ? parseExpression(expression) : expression
  return evaluateNode(node, vars, options)
}

/** Evaluates to a boolean for visibleWhen / requiredWhen; a broken expression counts as `fallback`. */
export function evaluateCondition(expression: string | undefined | null, vars: Record<string, unknown>, fallback: boolean): boolean {
  if (!expression || !expression.trim()) return fallback
  try {
    return truthy(evaluateExpression(expression, vars))
  } catch {
    return fallback
  }
}
