import { describe, expect, it } from 'vitest'
import type { InternalAxiosRequestConfig } from 'axios'
import { http } from '@/api/http'
import {
  addSigner,
  batchApprove,
  delegateTask,
  recallDelegation,
  removeSigner,
  resubmit,
  returnTask,
  takeBackTask,
  transferTask,
  urgeTask,
} from '@/api/workflow/taskOperations'
import { mockAdapter } from '../support/mockAdapter'

function body(call: InternalAxiosRequestConfig | undefined): unknown {
  return typeof call?.data === 'string' ? JSON.parse(call.data) : call?.data
}

describe('task operations API', () => {
  it.each([
    ['return', () => returnTask('t/1', 'a', '补材料'), 'post', '/api/v1/workflow/tasks/t%2F1/return', { targetNodeId: 'a', comment: '补材料' }],
    ['take-back', () => takeBackTask('t1', ''), 'post', '/api/v1/workflow/tasks/t1/take-back', { comment: '' }],
    ['transfer', () => transferTask('t1', 'it001', 'x'), 'post', '/api/v1/workflow/tasks/t1/transfer', { username: 'it001', comment: 'x' }],
    ['delegate', () => delegateTask('t1', 'it001', ''), 'post', '/api/v1/workflow/tasks/t1/delegation', { username: 'it001', comment: '' }],
    ['recall', () => recallDelegation('t1'), 'delete', '/api/v1/workflow/tasks/t1/delegation', undefined],
    ['add signer', () => addSigner('t1', 'it001', 'BEFORE', ''), 'post', '/api/v1/workflow/tasks/t1/signers', { username: 'it001', position: 'BEFORE', comment: '' }],
    ['remove signer', () => removeSigner('t1', 'it001'), 'delete', '/api/v1/workflow/tasks/t1/signers/it001', undefined],
    ['urge', () => urgeTask('t1', '急'), 'post', '/api/v1/workflow/tasks/t1/urge', { comment: '急' }],
    ['batch', () => batchApprove(['a', 'b'], '同意'), 'post', '/api/v1/workflow/tasks/batch-approval', { taskIds: ['a', 'b'], comment: '同意' }],
    ['resubmit', () => resubmit('i1', { days: 2 }, ''), 'post', '/api/v1/workflow/instances/i1/resubmission', { formData: { days: 2 }, comment: '' }],
  ])('%s calls the right resource', async (_name, call, method, url, sent) => {
    const calls: InternalAxiosRequestConfig[] = []
    http.defaults.adapter = mockAdapter(() => ({ status: 200, data: { id: 'i1', status: 'RUNNING' } }), calls)
    await call()
    const sentCall = calls[calls.length - 1]
    expect(sentCall?.method).toBe(method)
    expect(sentCall?.url).toBe(url)
    expect(body(sentCall)).toEqual(sent)
  })

  it('add signer answers the actor\'s task, which a parallel signer may have replaced', async () => {
    http.defaults.adapter = mockAdapter(() => ({ status: 200, data: { taskId: 't2' } }), [])
    expect(await addSigner('t1', 'it001', 'PARALLEL', '')).toBe('t2')
  })
})
