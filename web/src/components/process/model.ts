/**
 * The simple approval model of the workflow contract (issue 5): the JSON the simple designer edits and
 * the server compiles to BPMN. Pure functions only — the designer components call these, the unit tests
 * cover them without a DOM.
 */

export type Localized = Record<string, string>

export type NodeType = 'START' | 'APPROVER' | 'HANDLER' | 'CC' | 'CONDITION' | 'PARALLEL'
export type TaskNodeType = 'APPROVER' | 'HANDLER' | 'CC'
export type InsertableType = Exclude<NodeType, 'START'>

export const INSERTABLE_TYPES: readonly InsertableType[] = ['APPROVER', 'HANDLER', 'CC', 'CONDITION', 'PARALLEL']

export type AssigneeRule =
  | 'PERSONS'
  | 'ROLE'
  | 'POSITION'
  | 'LEVELS_UP'
  | 'FORM_FIELD'
  | 'ORG_FIELD'
  | 'APPLICANT_CHOOSES'
  | 'PREVIOUS_CHOOSES'
export const ASSIGNEE_RULES: readonly AssigneeRule[] = [
  'PERSONS',
  'ROLE',
  'POSITION',
  'LEVELS_UP',
  'FORM_FIELD',
  'ORG_FIELD',
  'APPLICANT_CHOOSES',
  'PREVIOUS_CHOOSES',
]

/** Positions relative to the applicant; `<kind>@<orgUnitId>` (a fixed unit's position) is also allowed. */
export const RELATIVE_POSITIONS = ['college-head', 'class-counsellor', 'class-advisor', 'supervisor', 'unit-head'] as const

export type MultiMode = 'ALL' | 'ANY' | 'RATIO' | 'SEQUENTIAL'
export const MULTI_MODES: readonly MultiMode[] = ['ALL', 'ANY', 'RATIO', 'SEQUENTIAL']
export type EmptyPolicy = 'AUTO_APPROVE' | 'REJECT' | 'PROCESS_ADMIN'
export const EMPTY_POLICIES: readonly EmptyPolicy[] = ['AUTO_APPROVE', 'REJECT', 'PROCESS_ADMIN']
export type SelfPolicy = 'SKIP' | 'SELF_APPROVE' | 'SUPERIOR'
export const SELF_POLICIES: readonly SelfPolicy[] = ['SKIP', 'SELF_APPROVE', 'SUPERIOR']
export type RepeatPolicy = 'ONCE' | 'EACH'
export const REPEAT_POLICIES: readonly RepeatPolicy[] = ['ONCE', 'EACH']
export type DeadlineAction = 'AUTO_APPROVE' | 'AUTO_REJECT' | 'ESCALATE'
export const DEADLINE_ACTIONS: readonly DeadlineAction[] = ['AUTO_APPROVE', 'AUTO_REJECT', 'ESCALATE']
export type FieldAccess = 'EDITABLE' | 'READONLY' | 'HIDDEN'
export const FIELD_ACCESS: readonly FieldAccess[] = ['EDITABLE', 'READONLY', 'HIDDEN']

/**
 * `FORM_FIELD`: the person(s) in `field`, or with a relative `position` the holders of that position relative to
 * them ("the head of the host's unit"). `ORG_FIELD`: the holders of the position `kind` (HEAD, DEPUTY_HEAD …) at the
 * org unit(s) in the org field `field` ("the head of the unit paying for the trip").
 */
export interface Assignee {
  rule: AssigneeRule
  persons?: string[]
  role?: string
  position?: string
  levels?: number
  field?: string
  kind?: string
}

/** Position kinds an `ORG_FIELD` rule may name (identity's position kinds). */
export const ORG_FIELD_KINDS = ['HEAD', 'DEPUTY_HEAD', 'OFFICE_STAFF', 'COUNSELLOR', 'CLASS_ADVISOR', 'SUPERVISOR'] as const

export interface NodeTimer {
  remindAfter?: string
  remindEvery?: string
  deadline?: string
  onDeadline?: DeadlineAction
}

export interface NodeConfig {
  assignee?: Assignee
  multi?: MultiMode
  ratio?: number
  emptyPolicy?: EmptyPolicy
  selfPolicy?: SelfPolicy
  repeatPolicy?: RepeatPolicy
  fieldPermissions?: Record<string, FieldAccess>
  timer?: NodeTimer
}

export interface Branch {
  id: string
  name: Localized
  condition: string | null
  next: ProcessNode | null
}

export interface ProcessNode {
  id: string
  type: NodeType
  name: Localized
  config?: NodeConfig
  branches?: Branch[]
  next: ProcessNode | null
}

export interface SimpleModel {
  kind: 'simple'
  root: ProcessNode
}

// ---------------------------------------------------------------- ids

let counter = 0

/** A short id unique within a model: `n_` for nodes, `b_` for branches (the server accepts any unique NCName). */
export function newId(prefix: 'n' | 'b', taken?: Set<string>): string {
  for (;;) {
    counter += 1
    const random = Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0')
    const id = `${prefix}_${random}${counter.toString(36)}`
    if (!taken?.has(id)) return id
  }
}

// ---------------------------------------------------------------- construction

const DEFAULT_NAMES: Record<InsertableType, Localized> = {
  APPROVER: { 'zh-CN': '审批人', 'en-US': 'Approver' },
  HANDLER: { 'zh-CN': '办理人', 'en-US': 'Handler' },
  CC: { 'zh-CN': '抄送人', 'en-US': 'CC' },
  CONDITION: { 'zh-CN': '条件分支', 'en-US': 'Condition' },
  PARALLEL: { 'zh-CN': '并行分支', 'en-US': 'Parallel' },
}

export function emptyModel(): SimpleModel {
  return {
    kind: 'simple',
    root: {
      id: 'start',
      type: 'START',
      name: { 'zh-CN': '发起人', 'en-US': 'Applicant' },
      config: { fieldPermissions: {} },
      next: null,
    },
  }
}

export function defaultConfig(type: TaskNodeType): NodeConfig {
  if (type === 'CC') return { assignee: { rule: 'PERSONS', persons: [] }, fieldPermissions: {} }
  return {
    assignee: { rule: 'POSITION', position: 'class-counsellor' },
    multi: 'ANY',
    emptyPolicy: 'PROCESS_ADMIN',
    selfPolicy: 'SKIP',
    repeatPolicy: 'ONCE',
    fieldPermissions: {},
  }
}

export function newBranch(type: 'CONDITION' | 'PARALLEL', index: number, isDefault = false, taken?: Set<string>): Branch {
  const n = index + 1
  const name: Localized = isDefault
    ? { 'zh-CN': '其他情况', 'en-US': 'Otherwise' }
    : type === 'CONDITION'
      ? { 'zh-CN': `条件${n}`, 'en-US': `Condition ${n}` }
      : { 'zh-CN': `分支${n}`, 'en-US': `Branch ${n}` }
  return { id: newId('b', taken), name, condition: type === 'CONDITION' && !isDefault ? '' : null, next: null }
}

export function newNode(type: InsertableType, taken?: Set<string>): ProcessNode {
  const node: ProcessNode = { id: newId('n', taken), type, name: { ...DEFAULT_NAMES[type] }, next: null }
  if (type === 'CONDITION') {
    node.branches = [newBranch(type, 0, false, taken), newBranch(type, 1, true, taken)]
  } else if (type === 'PARALLEL') {
    node.branches = [newBranch(type, 0, false, taken), newBranch(type, 1, false, taken)]
  } else {
    node.config = defaultConfig(type)
  }
  return node
}

// ---------------------------------------------------------------- traversal

/** Every node in the model, depth first (a node before its branches, branches before the node after the join). */
export function allNodes(model: SimpleModel): ProcessNode[] {
  const out: ProcessNode[] = []
  const walk = (node: ProcessNode | null): void => {
    for (let current = node; current; current = current.next) {
      out.push(current)
      for (const branch of current.branches ?? []) walk(branch.next)
    }
  }
  walk(model.root)
  return out
}

export function allIds(model: SimpleModel): Set<string> {
  const ids = new Set<string>()
  for (const node of allNodes(model)) {
    ids.add(node.id)
    for (const branch of node.branches ?? []) ids.add(branch.id)
  }
  return ids
}

export function findNode(model: SimpleModel, id: string): ProcessNode | null {
  return allNodes(model).find((node) => node.id === id) ?? null
}

export function findBranch(model: SimpleModel, branchId: string): { owner: ProcessNode; branch: Branch; index: number } | null {
  for (const owner of allNodes(model)) {
    const index = (owner.branches ?? []).findIndex((b) => b.id === branchId)
    if (index >= 0) return { owner, branch: owner.branches![index], index }
  }
  return null
}

/**
 * Where a node is inserted: after a node (`{ afterNode }`) or at the head of a branch (`{ branch }`).
 * The designer's "+" buttons each carry one of these.
 */
export type InsertPoint = { afterNode: string } | { branch: string }

/** Inserts `node` at `at`; what followed the insertion point now follows the new node. Returns the new node. */
export function insertNode(model: SimpleModel, at: InsertPoint, node: ProcessNode): ProcessNode {
  if ('afterNode' in at) {
    const previous = findNode(model, at.afterNode)
    if (!previous) throw new Error(`No node ${at.afterNode}`)
    node.next = previous.next
    previous.next = node
  } else {
    const found = findBranch(model, at.branch)
    if (!found) throw new Error(`No branch ${at.branch}`)
    node.next = found.branch.next
    found.branch.next = node
  }
  return node
}

/** Removes a node (with its branches, if any); the chain after it moves up. The start node cannot be removed. */
export function removeNode(model: SimpleModel, id: string): void {
  if (id === model.root.id) throw new Error('The start node cannot be removed')
  const unlink = (holder: { next: ProcessNode | null }): boolean => {
    if (holder.next?.id === id) {
      holder.next = holder.next.next
      return true
    }
    return false
  }
  for (const node of allNodes(model)) {
    if (unlink(node)) return
    for (const branch of node.branches ?? []) if (unlink(branch)) return
  }
  throw new Error(`No node ${id}`)
}

/** Adds a branch to a CONDITION (before its default branch) or PARALLEL node. */
export function addBranch(model: SimpleModel, nodeId: string): Branch {
  const node = findNode(model, nodeId)
  if (!node?.branches || (node.type !== 'CONDITION' && node.type !== 'PARALLEL')) throw new Error(`${nodeId} has no branches`)
  const taken = allIds(model)
  const branch = newBranch(node.type, node.branches.length - (node.type === 'CONDITION' ? 1 : 0), false, taken)
  const defaultIndex = node.type === 'CONDITION' ? node.branches.findIndex((b) => b.condition === null) : -1
  if (defaultIndex >= 0) node.branches.splice(defaultIndex, 0, branch)
  else node.branches.push(branch)
  return branch
}

/**
 * Removes a branch. A gateway left with a single branch dissolves: that branch's chain takes the
 * gateway's place (what followed the join follows it), as in DingTalk.
 */
export function removeBranch(model: SimpleModel, branchId: string): void {
  const found = findBranch(model, branchId)
  if (!found) throw new Error(`No branch ${branchId}`)
  const { owner, index } = found
  owner.branches!.splice(index, 1)
  if (owner.branches!.length > 1) return
  const remaining = owner.branches![0]?.next ?? null
  const after = owner.next
  let replacement: ProcessNode | null = after
  if (remaining) {
    let tail = remaining
    while (tail.next) tail = tail.next
    tail.next = after
    replacement = remaining
  }
  if (owner.id === model.root.id) return
  for (const node of allNodes(model)) {
    if (node.next === owner) {
      node.next = replacement
      return
    }
    for (const branch of node.branches ?? []) {
      if (branch.next === owner) {
        branch.next = replacement
        return
      }
    }
  }
}

/**
 * Moves a branch one place left (-1) or right (+1). Condition branches are evaluated in order;
 * the default branch stays last and cannot move.
 */
export function moveBranch(model: SimpleModel, branchId: string, delta: -1 | 1): boolean {
  const found = findBranch(model, branchId)
  if (!found) return false
  const { owner, index, branch } = found
  const branches = owner.branches!
  const target = index + delta
  if (target < 0 || target >= branches.length) return false
  if (owner.type === 'CONDITION' && (branch.condition === null || branches[target].condition === null)) return false
  branches.splice(index, 1)
  branches.splice(target, 0, branch)
  return true
}

/** Makes `branchId` the default branch of its CONDITION (moved last, condition cleared); the old default gets an empty condition. */
export function setDefaultBranch(model: SimpleModel, branchId: string): void {
  const found = findBranch(model, branchId)
  if (!found || found.owner.type !== 'CONDITION') return
  const branches = found.owner.branches!
  for (const b of branches) if (b.condition === null && b.id !== branchId) b.condition = ''
  found.branch.condition = null
  branches.splice(found.index, 1)
  branches.push(found.branch)
}

// ---------------------------------------------------------------- validation

export type ModelErrorCode =
  | 'assigneeMissing'
  | 'personsEmpty'
  | 'roleMissing'
  | 'positionMissing'
  | 'levelsInvalid'
  | 'fieldMissing'
  | 'orgFieldMissing'
  | 'kindMissing'
  | 'ratioInvalid'
  | 'branchesTooFew'
  | 'branchEmpty'
  | 'defaultBranchCount'
  | 'conditionMissing'
  | 'conditionSyntax'
  | 'nameMissing'
  | 'durationInvalid'
  | 'noApprover'

/** One problem with a node (`nodeId`) or a branch (`branchId`); `code` is an i18n key under `processes.errors`. */
export interface ModelError {
  nodeId: string
  branchId?: string
  code: ModelErrorCode
  /** Extra detail, e.g. the syntax error message. */
  detail?: string
}

/** ISO-8601 duration (days/hours/minutes; working days on the server's business calendar). */
export const DURATION_PATTERN = /^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/

/** Checks an expression; returns null when it parses, otherwise a message (with a position). */
export type ExpressionCheck = (expression: string) => string | null

/**
 * Client-side model validation mirroring the server's publish checks: every approver/handler/CC has an
 * assignee rule with its parameters, gateways have at least two branches, a parallel branch is not empty,
 * a condition gateway has exactly one default branch and every other branch a condition that parses.
 */
export function validateModel(model: SimpleModel, checkExpression: ExpressionCheck = balancedSyntax): ModelError[] {
  const errors: ModelError[] = []
  for (const node of allNodes(model)) {
    if (node.type !== 'START' && !(node.name['zh-CN']?.trim() || node.name['en-US']?.trim())) {
      errors.push({ nodeId: node.id, code: 'nameMissing' })
    }
    if (node.type === 'APPROVER' || node.type === 'HANDLER' || node.type === 'CC') {
      errors.push(...validateConfig(node.id, node.type, node.config))
    }
    if (node.type === 'CONDITION' || node.type === 'PARALLEL') {
      const branches = node.branches ?? []
      if (branches.length < 2) errors.push({ nodeId: node.id, code: 'branchesTooFew' })
      if (node.type === 'CONDITION') {
        const defaults = branches.filter((b) => b.condition === null).length
        if (defaults !== 1) errors.push({ nodeId: node.id, code: 'defaultBranchCount' })
        for (const branch of branches) {
          if (branch.condition === null) continue
          if (!branch.condition.trim()) {
            errors.push({ nodeId: node.id, branchId: branch.id, code: 'conditionMissing' })
          } else {
            const problem = checkExpression(branch.condition)
            if (problem) errors.push({ nodeId: node.id, branchId: branch.id, code: 'conditionSyntax', detail: problem })
          }
        }
      } else {
        for (const branch of branches) {
          if (!branch.next) errors.push({ nodeId: node.id, branchId: branch.id, code: 'branchEmpty' })
        }
      }
    }
  }
  if (!allNodes(model).some((n) => n.type === 'APPROVER' || n.type === 'HANDLER')) {
    errors.push({ nodeId: model.root.id, code: 'noApprover' })
  }
  return errors
}

export function validateConfig(nodeId: string, type: TaskNodeType, config: NodeConfig | undefined): ModelError[] {
  const errors: ModelError[] = []
  const assignee = config?.assignee
  if (!assignee?.rule) {
    errors.push({ nodeId, code: 'assigneeMissing' })
  } else {
    switch (assignee.rule) {
      case 'PERSONS':
        if (!assignee.persons?.length) errors.push({ nodeId, code: 'personsEmpty' })
        break
      case 'ROLE':
        if (!assignee.role) errors.push({ nodeId, code: 'roleMissing' })
        break
      case 'POSITION':
        // a fixed unit's position is `KIND@<orgUnitId>`: both parts are needed
        if (!assignee.position || /^@|@$/.test(assignee.position)) errors.push({ nodeId, code: 'positionMissing' })
        break
      case 'LEVELS_UP':
        if (!Number.isInteger(assignee.levels) || (assignee.levels ?? 0) < 1) errors.push({ nodeId, code: 'levelsInvalid' })
        break
      case 'FORM_FIELD':
        if (!assignee.field) errors.push({ nodeId, code: 'fieldMissing' })
        break
      case 'ORG_FIELD':
        if (!assignee.field) errors.push({ nodeId, code: 'orgFieldMissing' })
        if (!(ORG_FIELD_KINDS as readonly string[]).includes(assignee.kind ?? '')) errors.push({ nodeId, code: 'kindMissing' })
        break
      default:
        break
    }
  }
  if (type !== 'CC' && config?.multi === 'RATIO') {
    const ratio = config.ratio
    if (typeof ratio !== 'number' || !(ratio > 0 && ratio <= 1)) errors.push({ nodeId, code: 'ratioInvalid' })
  }
  const timer = config?.timer
  if (timer) {
    for (const value of [timer.remindAfter, timer.remindEvery, timer.deadline]) {
      if (value && !DURATION_PATTERN.test(value)) {
        errors.push({ nodeId, code: 'durationInvalid', detail: value })
        break
      }
    }
  }
  return errors
}

/**
 * A fallback syntax check used until the shared expression parser (`utils/formExpressions.ts`) is wired in:
 * balanced parentheses and closed string literals only.
 */
export function balancedSyntax(expression: string): string | null {
  let depth = 0
  let quote: string | null = null
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '(') depth++
    else if (c === ')') {
      depth--
      if (depth < 0) return `unexpected ')' at ${i + 1}`
    }
  }
  if (quote) return `unterminated string`
  if (depth > 0) return `missing ')'`
  return null
}

// ---------------------------------------------------------------- serialization

/** The contract JSON: only known fields, empty optional parts dropped, stable key order. */
export function serializeModel(model: SimpleModel): SimpleModel {
  return { kind: 'simple', root: serializeNode(model.root)! }
}

function serializeNode(node: ProcessNode | null): ProcessNode | null {
  if (!node) return null
  const out: ProcessNode = { id: node.id, type: node.type, name: { ...node.name }, next: null }
  if (node.type === 'CONDITION' || node.type === 'PARALLEL') {
    out.branches = (node.branches ?? []).map((b) => ({
      id: b.id,
      name: { ...b.name },
      condition: node.type === 'CONDITION' ? (b.condition === null ? null : b.condition.trim()) : null,
      next: serializeNode(b.next),
    }))
  } else if (node.config) {
    out.config = serializeConfig(node.type, node.config)
  }
  out.next = serializeNode(node.next)
  return out
}

export function serializeConfig(type: NodeType, config: NodeConfig): NodeConfig {
  const out: NodeConfig = {}
  if (type !== 'START' && config.assignee) {
    const a = config.assignee
    const assignee: Assignee = { rule: a.rule }
    if (a.rule === 'PERSONS') assignee.persons = [...(a.persons ?? [])]
    if (a.rule === 'ROLE' && a.role) assignee.role = a.role
    if (a.rule === 'POSITION' && a.position) assignee.position = a.position
    if (a.rule === 'LEVELS_UP' && a.levels !== undefined) assignee.levels = a.levels
    if ((a.rule === 'FORM_FIELD' || a.rule === 'ORG_FIELD') && a.field) assignee.field = a.field
    if (a.rule === 'FORM_FIELD' && a.position) assignee.position = a.position
    if (a.rule === 'ORG_FIELD' && a.kind) assignee.kind = a.kind
    out.assignee = assignee
  }
  if (type === 'APPROVER' || type === 'HANDLER') {
    if (config.multi) out.multi = config.multi
    if (config.multi === 'RATIO' && config.ratio !== undefined) out.ratio = config.ratio
    if (config.emptyPolicy) out.emptyPolicy = config.emptyPolicy
    if (config.selfPolicy) out.selfPolicy = config.selfPolicy
    if (config.repeatPolicy) out.repeatPolicy = config.repeatPolicy
  }
  if (config.fieldPermissions) {
    const entries = Object.entries(config.fieldPermissions).filter(([, v]) => v)
    out.fieldPermissions = Object.fromEntries(entries)
  }
  if (type !== 'START' && type !== 'CC' && config.timer) {
    const timer = Object.fromEntries(Object.entries(config.timer).filter(([, v]) => v)) as NodeTimer
    if (timer.deadline && !timer.onDeadline) timer.onDeadline = 'ESCALATE'
    if (!timer.deadline) delete timer.onDeadline
    if (Object.keys(timer).length > 0) out.timer = timer
  }
  return out
}

/** Reads a model from JSON (a saved draft); anything unusable gives an empty model. */
export function parseModel(value: unknown): SimpleModel {
  if (value && typeof value === 'object' && (value as SimpleModel).kind === 'simple' && (value as SimpleModel).root) {
    return structuredClone(value as SimpleModel)
  }
  return emptyModel()
}

// ---------------------------------------------------------------- summaries

/** Labels the summary needs; the component passes i18n lookups. */
export interface SummaryLabels {
  rule: (rule: AssigneeRule) => string
  position: (position: string) => string
  multi: (mode: MultiMode) => string
  persons: (count: number) => string
  levels: (n: number) => string
  field: (key: string) => string
  /** a position kind at the unit of an org field, e.g. HEAD → "负责人" */
  kind: (kind: string) => string
  role: (code: string) => string
  unset: string
}

/** The one-line summary on a node card, e.g. "学院院长 · 会签". */
export function nodeSummary(node: ProcessNode, labels: SummaryLabels): string {
  const config = node.config
  const assignee = config?.assignee
  if (!assignee?.rule) return labels.unset
  let who: string
  switch (assignee.rule) {
    case 'PERSONS':
      who = assignee.persons?.length ? labels.persons(assignee.persons.length) : labels.unset
      break
    case 'ROLE':
      who = assignee.role ? labels.role(assignee.role) : labels.unset
      break
    case 'POSITION':
      who = assignee.position ? labels.position(assignee.position) : labels.unset
      break
    case 'LEVELS_UP':
      who = labels.levels(assignee.levels ?? 1)
      break
    case 'FORM_FIELD':
      who = assignee.field ? labels.field(assignee.field) : labels.unset
      if (assignee.field && assignee.position) who = `${who} · ${labels.position(assignee.position)}`
      break
    case 'ORG_FIELD':
      who = assignee.field && assignee.kind ? `${labels.field(assignee.field)} · ${labels.kind(assignee.kind)}` : labels.unset
      break
    default:
      who = labels.rule(assignee.rule)
  }
  if (node.type === 'CC' || !config?.multi) return who
  const mode = config.multi === 'RATIO' ? `${labels.multi('RATIO')} ${Math.round((config.ratio ?? 0) * 100)}%` : labels.multi(config.multi)
  return `${who} · ${mode}`
}

// ---------------------------------------------------------------- server errors

/**
 * Maps the `errors[]` of a 422 publish problem (field → message) onto nodes: a field names a node or
 * branch by its id, alone (`n_1a2b`) or inside a path (`nodes.n_1a2b.assignee`, `branches[b_3]`).
 * Errors naming no known id are kept under the empty key.
 */
export function nodeErrorsFrom(fieldErrors: Record<string, string>, model: SimpleModel): Record<string, string[]> {
  const ids = allIds(model)
  const byNode: Record<string, string[]> = {}
  for (const [field, message] of Object.entries(fieldErrors)) {
    const id = field.split(/[^\w-]+/).find((token) => ids.has(token)) ?? ''
    const owner = id && !findNode(model, id) ? (findBranch(model, id)?.owner.id ?? id) : id
    ;(byNode[owner] ??= []).push(message)
  }
  return byNode
}
