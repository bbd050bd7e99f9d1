import { http } from '@/api/http'

export const PROCESS_WRITE = 'workflow:process:write'

export type SimulationFlagCode =
  | 'EMPTY'
  | 'SELF'
  | 'DUPLICATE'
  | 'LOOP'
  | 'UNREACHABLE'
  | 'CHOSEN_AT_RUNTIME'
  | 'FIELD_MISSING'

/** Whether the applicant's path reaches the node. */
export type SimulationNodeStatus = 'REACHED' | 'DEPENDS_ON_DATA' | 'NOT_TAKEN' | 'UNREACHABLE'

export interface SimulatedPerson {
  id: string
  name: string | null
  /** 学号 / 工号 */
  number: string | null
  unit: string | null
  affiliationType: string | null
}

/** A finding with its message in the caller's language, saying what the node's policy will do. */
export interface SimulationFlag {
  code: SimulationFlagCode
  message: string
}

export interface SimulatedNode {
  nodeId: string
  type: 'APPROVER' | 'HANDLER' | 'CC'
  name: string
  status: SimulationNodeStatus
  approvers: SimulatedPerson[]
  flags: SimulationFlag[]
}

export interface SimulatedApplicant {
  applicant: SimulatedPerson
  /** The admitted affiliation type this sample stands for; null for applicants the caller named. */
  sampledAs: string | null
  nodes: SimulatedNode[]
}

export interface SimulationNodeInfo {
  nodeId: string
  type: 'APPROVER' | 'HANDLER' | 'CC'
  name: string
  loop: boolean
  unreachable: boolean
}

export interface Simulation {
  processKey: string
  /** null: the draft was simulated */
  version: number | null
  nodes: SimulationNodeInfo[]
  /** Model-wide findings: loops and unreachable nodes. */
  flags: SimulationFlag[]
  applicants: SimulatedApplicant[]
}

export interface SimulationRequest {
  /** Person ids; empty: one sample applicant per admitted affiliation type. */
  applicants?: string[]
  /** Form data for branch conditions; absent: every branch is followed. */
  formData?: Record<string, unknown>
}

/** Simulates the draft (no version) or a published version of the process. */
export async function simulateProcess(
  processKey: string,
  request: SimulationRequest,
  version?: number | null,
): Promise<Simulation> {
  const { data } = await http.post<Simulation>(
    `/api/v1/workflow/processes/${encodeURIComponent(processKey)}/simulations`,
    request,
    { params: version ? { version } : {} },
  )
  return data
}
