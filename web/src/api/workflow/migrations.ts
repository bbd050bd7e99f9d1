import { http } from '@/api/http'
import type { Localized } from '@/components/process/model'

const BASE = '/api/v1/workflow/processes'

/** `GET …/{key}/versions/{from}/diff/{to}`: one node as the comparison reports it. */
export interface NodeChange {
  nodeId: string
  type: string
  name: Localized
  /** What differs: `type`, `name`, config keys such as `assignee` or `multi`. */
  changes: string[]
  previousBefore: string[] | null
  before: string[] | null
}

export interface VersionDiff {
  processKey: string
  fromVersion: number
  toVersion: number
  added: NodeChange[]
  removed: NodeChange[]
  changed: NodeChange[]
  moved: NodeChange[]
  formChanged: boolean
}

/** Why an instance cannot move: `code` is stable, `message` localized by the server. */
export interface MigrationReason {
  code: string
  nodeId: string | null
  fields: string[]
  message: string
}

export interface InstanceResult {
  instanceId: string
  status: string | null
  activeNodes: string[]
  movable: boolean
  migrated: boolean
  reasons: MigrationReason[]
}

export interface MigrationReport {
  processKey: string
  fromVersion: number
  toVersion: number
  dryRun: boolean
  total: number
  movable: number
  migrated: number
  failed: number
  instances: InstanceResult[]
}

export interface RollbackResult {
  key: string
  rolledBack: number
  restored: number
  /** The new version, a copy of the restored one. */
  version: number
  migration: MigrationReport
}

export async function getDiff(key: string, from: number, to: number): Promise<VersionDiff> {
  return (await http.get<VersionDiff>(`${BASE}/${encodeURIComponent(key)}/versions/${from}/diff/${to}`)).data
}

/**
 * Runs the migration plan: a dry run (nothing moves) reports per running instance whether it can move and why not;
 * with `dryRun: false` the chosen instances (all running ones when `instanceIds` is absent) move.
 */
export async function runMigration(
  key: string,
  plan: { fromVersion: number; toVersion: number; dryRun: boolean; instanceIds?: string[] },
): Promise<MigrationReport> {
  return (await http.post<MigrationReport>(`${BASE}/${encodeURIComponent(key)}/migrations`, plan)).data
}

/** Rolls back the latest version: publishes the previous one again as a new version, optionally moving instances. */
export async function rollbackVersion(key: string, version: number, migrateInstances: boolean): Promise<RollbackResult> {
  return (await http.post<RollbackResult>(`${BASE}/${encodeURIComponent(key)}/versions/${version}/rollback`, { migrateInstances })).data
}

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved'

export interface DiffRow {
  kind: ChangeKind
  nodeId: string
  name: Localized
  changes: string[]
}

/** The comparison as one list for a table: added, removed, changed, then moved nodes. */
export function diffRows(diff: VersionDiff | null): DiffRow[] {
  if (!diff) return []
  const kinds: ChangeKind[] = ['added', 'removed', 'changed', 'moved']
  return kinds.flatMap((kind) => diff[kind].map((node) => ({ kind, nodeId: node.nodeId, name: node.name, changes: node.changes })))
}

/** The default comparison: the version before the latest against the latest. */
export function defaultVersions(latest: number | null): { from: number | null; to: number | null } {
  if (!latest || latest < 2) return { from: null, to: latest }
  return { from: latest - 1, to: latest }
}

/** Instances the dry run says can move: the ones the administrator may select. */
export function movableIds(report: MigrationReport | null): string[] {
  return (report?.instances ?? []).filter((i) => i.movable && !i.migrated).map((i) => i.instanceId)
}
