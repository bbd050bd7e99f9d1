import type { InjectionKey } from 'vue'
import type { InsertPoint, InsertableType } from './model'

/** What the recursive designer parts (chains, gateways, cards) ask the simple designer to do. */
export interface DesignerContext {
  readonly: () => boolean
  insert: (at: InsertPoint, type: InsertableType) => void
  remove: (nodeId: string) => void
  openNode: (nodeId: string) => void
  openBranch: (branchId: string) => void
  addBranch: (nodeId: string) => void
  removeBranch: (branchId: string) => void
  moveBranch: (branchId: string, delta: -1 | 1) => void
  /** Messages for a node or branch id (client validation and server 422 errors). */
  errorsFor: (id: string) => string[]
  summary: (nodeId: string) => string
}

export const DESIGNER: InjectionKey<DesignerContext> = Symbol('process-designer')
