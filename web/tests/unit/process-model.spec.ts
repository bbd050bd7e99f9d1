import { describe, expect, it } from 'vitest'
import {
  addBranch,
  allIds,
  emptyModel,
  findBranch,
  findNode,
  insertNode,
  moveBranch,
  newNode,
  nodeSummary,
  parseModel,
  removeBranch,
  removeNode,
  serializeModel,
  setDefaultBranch,
  validateModel,
  type Assignee,
  type ProcessNode,
  type SimpleModel,
  type SummaryLabels,
} from '@/components/process/model'

function chainTypes(node: ProcessNode | null): string[] {
  const out: string[] = []
  for (let n = node; n; n = n.next) out.push(n.type)
  return out
}

/** start → counsellor (ANY) → condition(days > 3: college head ALL | default: —) */
function sample(): { model: SimpleModel; counsellor: ProcessNode; condition: ProcessNode; head: ProcessNode } {
  const model = emptyModel()
  const counsellor = insertNode(model, { afterNode: 'start' }, newNode('APPROVER'))
  const condition = insertNode(model, { afterNode: counsellor.id }, newNode('CONDITION'))
  condition.branches![0].condition = 'days > 3'
  const head = insertNode(model, { branch: condition.branches![0].id }, newNode('APPROVER'))
  head.config = { ...head.config, assignee: { rule: 'POSITION', position: 'college-head' }, multi: 'ALL' }
  return { model, counsellor, condition, head }
}

describe('simple model operations', () => {
  it('inserts after a node and at the head of a branch, keeping what followed', () => {
    const { model, counsellor, condition, head } = sample()
    expect(chainTypes(model.root)).toEqual(['START', 'APPROVER', 'CONDITION'])
    const cc = insertNode(model, { afterNode: 'start' }, newNode('CC'))
    expect(chainTypes(model.root)).toEqual(['START', 'CC', 'APPROVER', 'CONDITION'])
    expect(cc.next).toBe(counsellor)
    const handler = insertNode(model, { branch: condition.branches![0].id }, newNode('HANDLER'))
    expect(chainTypes(condition.branches![0].next)).toEqual(['HANDLER', 'APPROVER'])
    expect(handler.next).toBe(head)
  })

  it('a new condition gateway has one condition branch and one default; a parallel one has two plain branches', () => {
    const condition = newNode('CONDITION')
    expect(condition.branches!.map((b) => b.condition)).toEqual(['', null])
    const parallel = newNode('PARALLEL')
    expect(parallel.branches!.map((b) => b.condition)).toEqual([null, null])
    expect(parallel.config).toBeUndefined()
  })

  it('deletes a node and moves the rest of the chain up; the start node stays', () => {
    const { model, counsellor } = sample()
    removeNode(model, counsellor.id)
    expect(chainTypes(model.root)).toEqual(['START', 'CONDITION'])
    expect(() => removeNode(model, 'start')).toThrow()
  })

  it('deletes a node inside a branch', () => {
    const { model, condition, head } = sample()
    removeNode(model, head.id)
    expect(condition.branches![0].next).toBeNull()
    expect(findNode(model, head.id)).toBeNull()
  })

  it('adds condition branches before the default branch and parallel branches at the end', () => {
    const { model, condition } = sample()
    const added = addBranch(model, condition.id)
    expect(condition.branches!.map((b) => b.id)).toEqual([condition.branches![0].id, added.id, condition.branches![2].id])
    expect(condition.branches![2].condition).toBeNull()
    const parallel = insertNode(model, { afterNode: condition.id }, newNode('PARALLEL'))
    const third = addBranch(model, parallel.id)
    expect(parallel.branches![2]).toBe(third)
  })

  it('reorders condition branches but keeps the default last', () => {
    const { model, condition } = sample()
    const second = addBranch(model, condition.id)
    second.condition = 'days > 10'
    expect(moveBranch(model, second.id, -1)).toBe(true)
    expect(condition.branches![0]).toBe(second)
    const defaultBranch = condition.branches![2]
    expect(moveBranch(model, defaultBranch.id, -1)).toBe(false)
    expect(moveBranch(model, condition.branches![1].id, 1)).toBe(false)
    expect(moveBranch(model, second.id, -1)).toBe(false)
  })

  it('sets another branch as the default', () => {
    const { model, condition } = sample()
    const first = condition.branches![0]
    setDefaultBranch(model, first.id)
    expect(condition.branches![1]).toBe(first)
    expect(first.condition).toBeNull()
    expect(condition.branches![0].condition).toBe('')
  })

  it('removing a branch down to one dissolves the gateway into its remaining chain', () => {
    const { model, counsellor, condition, head } = sample()
    const after = insertNode(model, { afterNode: condition.id }, newNode('CC'))
    removeBranch(model, condition.branches![1].id)
    expect(findNode(model, condition.id)).toBeNull()
    expect(counsellor.next).toBe(head)
    expect(head.next).toBe(after)
  })

  it('removing an empty remaining branch splices in what followed the join', () => {
    const { model, counsellor, condition } = sample()
    const after = insertNode(model, { afterNode: condition.id }, newNode('CC'))
    removeBranch(model, condition.branches![0].id)
    expect(counsellor.next).toBe(after)
  })

  it('nests gateways inside branches and finds them', () => {
    const { model, condition } = sample()
    const inner = insertNode(model, { branch: condition.branches![1].id }, newNode('PARALLEL'))
    const deep = insertNode(model, { branch: inner.branches![1].id }, newNode('APPROVER'))
    expect(findNode(model, deep.id)).toBe(deep)
    expect(findBranch(model, inner.branches![1].id)?.owner).toBe(inner)
    const ids = allIds(model)
    expect(ids.has(deep.id) && ids.has(inner.branches![0].id)).toBe(true)
    removeNode(model, inner.id)
    expect(findNode(model, deep.id)).toBeNull()
  })

  it('gives unique ids', () => {
    const ids = new Set(Array.from({ length: 500 }, () => newNode('APPROVER').id))
    expect(ids.size).toBe(500)
  })
})

describe('simple model validation', () => {
  it('accepts a complete model', () => {
    const { model, condition } = sample()
    insertNode(model, { branch: condition.branches![1].id }, newNode('CC')).config!.assignee!.persons = ['p1']
    expect(validateModel(model)).toEqual([])
  })

  it('requires at least one approver or handler', () => {
    expect(validateModel(emptyModel()).map((e) => e.code)).toEqual(['noApprover'])
  })

  it('flags each approver rule without its parameter', () => {
    const model = emptyModel()
    const cases = [
      [{ rule: 'PERSONS', persons: [] as string[] }, 'personsEmpty'],
      [{ rule: 'ROLE' }, 'roleMissing'],
      [{ rule: 'POSITION' }, 'positionMissing'],
      [{ rule: 'POSITION', position: 'HEAD@' }, 'positionMissing'],
      [{ rule: 'LEVELS_UP', levels: 0 }, 'levelsInvalid'],
      [{ rule: 'FORM_FIELD' }, 'fieldMissing'],
    ] as const
    const nodes = cases.map(([assignee]) => {
      const node = insertNode(model, { afterNode: 'start' }, newNode('APPROVER'))
      node.config!.assignee = { ...assignee } as Assignee
      return node
    })
    const fine = insertNode(model, { afterNode: 'start' }, newNode('APPROVER'))
    fine.config!.assignee = { rule: 'APPLICANT_CHOOSES' }
    const missing = insertNode(model, { afterNode: 'start' }, newNode('HANDLER'))
    delete missing.config!.assignee
    const errors = validateModel(model)
    expect(errors).toContainEqual({ nodeId: missing.id, code: 'assigneeMissing' })
    cases.forEach(([, code], i) => expect(errors).toContainEqual({ nodeId: nodes[i].id, code }))
    expect(errors.filter((e) => e.nodeId === fine.id)).toEqual([])
  })

  it('checks the ratio and timer durations', () => {
    const { model, counsellor } = sample()
    counsellor.config!.multi = 'RATIO'
    counsellor.config!.ratio = 1.5
    counsellor.config!.timer = { remindAfter: '3 days' }
    expect(validateModel(model).map((e) => e.code)).toEqual(['ratioInvalid', 'durationInvalid'])
    counsellor.config!.ratio = 0.6
    counsellor.config!.timer = { remindAfter: 'P1D', remindEvery: 'PT4H', deadline: 'P3D', onDeadline: 'ESCALATE' }
    expect(validateModel(model)).toEqual([])
  })

  it('needs exactly one default branch and a condition on each other branch', () => {
    const { model, condition } = sample()
    condition.branches![1].condition = 'days <= 3'
    expect(validateModel(model)).toContainEqual({ nodeId: condition.id, code: 'defaultBranchCount' })
    condition.branches![1].condition = null
    condition.branches![0].condition = '  '
    expect(validateModel(model)).toEqual([{ nodeId: condition.id, branchId: condition.branches![0].id, code: 'conditionMissing' }])
    condition.branches![0].condition = '(days > 3'
    expect(validateModel(model)[0]).toMatchObject({ code: 'conditionSyntax', branchId: condition.branches![0].id })
  })

  it('uses the given expression checker', () => {
    const { model } = sample()
    const errors = validateModel(model, (expr) => (expr.includes('days') ? 'unknown field days' : null))
    expect(errors[0]).toMatchObject({ code: 'conditionSyntax', detail: 'unknown field days' })
  })

  it('needs two branches and non-empty parallel branches', () => {
    const { model, counsellor } = sample()
    const parallel = insertNode(model, { afterNode: counsellor.id }, newNode('PARALLEL'))
    insertNode(model, { branch: parallel.branches![0].id }, newNode('APPROVER'))
    expect(validateModel(model)).toEqual([{ nodeId: parallel.id, branchId: parallel.branches![1].id, code: 'branchEmpty' }])
    parallel.branches!.pop()
    expect(validateModel(model).map((e) => e.code)).toContain('branchesTooFew')
  })
})

describe('serialization to the contract JSON', () => {
  it('writes the contract shape and drops parameters of other rules', () => {
    const { model, counsellor, condition, head } = sample()
    counsellor.config!.assignee = { rule: 'POSITION', position: 'class-counsellor', persons: ['stale'], role: 'x' }
    counsellor.config!.fieldPermissions = { reason: 'READONLY', amount: 'HIDDEN' }
    counsellor.config!.timer = { remindAfter: 'P1D', remindEvery: '', deadline: undefined }
    const json = JSON.parse(JSON.stringify(serializeModel(model)))
    expect(json).toEqual({
      kind: 'simple',
      root: {
        id: 'start',
        type: 'START',
        name: { 'zh-CN': '发起人', 'en-US': 'Applicant' },
        config: { fieldPermissions: {} },
        next: {
          id: counsellor.id,
          type: 'APPROVER',
          name: { 'zh-CN': '审批人', 'en-US': 'Approver' },
          config: {
            assignee: { rule: 'POSITION', position: 'class-counsellor' },
            multi: 'ANY',
            emptyPolicy: 'PROCESS_ADMIN',
            selfPolicy: 'SKIP',
            repeatPolicy: 'ONCE',
            fieldPermissions: { reason: 'READONLY', amount: 'HIDDEN' },
            timer: { remindAfter: 'P1D' },
          },
          next: {
            id: condition.id,
            type: 'CONDITION',
            name: { 'zh-CN': '条件分支', 'en-US': 'Condition' },
            branches: [
              {
                id: condition.branches![0].id,
                name: { 'zh-CN': '条件1', 'en-US': 'Condition 1' },
                condition: 'days > 3',
                next: {
                  id: head.id,
                  type: 'APPROVER',
                  name: { 'zh-CN': '审批人', 'en-US': 'Approver' },
                  config: {
                    assignee: { rule: 'POSITION', position: 'college-head' },
                    multi: 'ALL',
                    emptyPolicy: 'PROCESS_ADMIN',
                    selfPolicy: 'SKIP',
                    repeatPolicy: 'ONCE',
                    fieldPermissions: {},
                  },
                  next: null,
                },
              },
              { id: condition.branches![1].id, name: { 'zh-CN': '其他情况', 'en-US': 'Otherwise' }, condition: null, next: null },
            ],
            next: null,
          },
        },
      },
    })
  })

  it('CC nodes carry only the assignee and field permissions', () => {
    const model = emptyModel()
    const cc = insertNode(model, { afterNode: 'start' }, newNode('CC'))
    cc.config = { ...cc.config, multi: 'ALL', timer: { deadline: 'P1D' }, assignee: { rule: 'ROLE', role: 'dean' } }
    expect(serializeModel(model).root.next!.config).toEqual({ assignee: { rule: 'ROLE', role: 'dean' }, fieldPermissions: {} })
  })

  it('parses a saved model back and rejects anything else', () => {
    const { model } = sample()
    const copy = parseModel(JSON.parse(JSON.stringify(serializeModel(model))))
    expect(serializeModel(copy)).toEqual(serializeModel(model))
    expect(parseModel({ kind: 'bpmn' })).toEqual(emptyModel())
    expect(parseModel(null).root.id).toBe('start')
  })
})

describe('node summary', () => {
  const labels: SummaryLabels = {
    rule: (r) => r,
    position: (p) => (p === 'college-head' ? '学院院长' : p),
    multi: (m) => ({ ALL: '会签', ANY: '或签', RATIO: '比例', SEQUENTIAL: '依次' })[m],
    persons: (n) => `${n}人`,
    levels: (n) => `上${n}级`,
    field: (k) => `字段 ${k}`,
    kind: (k) => (k === 'HEAD' ? '负责人' : k),
    role: (c) => c,
    unset: '未设置',
  }

  it('shows who and how', () => {
    const { head, counsellor } = sample()
    expect(nodeSummary(head, labels)).toBe('学院院长 · 会签')
    counsellor.config = { assignee: { rule: 'PERSONS', persons: ['a', 'b'] }, multi: 'RATIO', ratio: 0.6 }
    expect(nodeSummary(counsellor, labels)).toBe('2人 · 比例 60%')
    counsellor.config = {}
    expect(nodeSummary(counsellor, labels)).toBe('未设置')
  })

  it('names the field and the position of the field rules', () => {
    const { counsellor } = sample()
    counsellor.config = { assignee: { rule: 'FORM_FIELD', field: 'host', position: 'college-head' } }
    expect(nodeSummary(counsellor, labels)).toBe('字段 host · 学院院长')
    counsellor.config = { assignee: { rule: 'ORG_FIELD', field: 'fundingUnit', kind: 'HEAD' }, multi: 'ANY' }
    expect(nodeSummary(counsellor, labels)).toBe('字段 fundingUnit · 负责人 · 或签')
    counsellor.config = { assignee: { rule: 'ORG_FIELD', kind: 'HEAD' } }
    expect(nodeSummary(counsellor, labels)).toBe('未设置')
  })
})

describe('server errors on nodes', () => {
  it('finds the node or branch id inside the error field path', async () => {
    const { nodeErrorsFrom } = await import('@/components/process/model')
    const { model, counsellor, condition } = sample()
    const errors = nodeErrorsFrom(
      {
        [counsellor.id]: 'no approver',
        [`nodes.${condition.id}.branches`]: 'bad',
        [`branches[${condition.branches![0].id}].condition`]: 'unknown field',
        formKey: 'form gone',
      },
      model,
    )
    expect(errors).toEqual({
      [counsellor.id]: ['no approver'],
      [condition.id]: ['bad', 'unknown field'],
      '': ['form gone'],
    })
  })
})
