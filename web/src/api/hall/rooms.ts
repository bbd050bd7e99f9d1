import { http } from '@/api/http'
import type { Page } from '@/api/messaging/types'
import type { Localized } from '@/api/hall/applications'

export const ROOM_MANAGE = 'hall:room:manage'

export type RoomKind = 'CLASSROOM' | 'LECTURE_HALL' | 'SEMINAR' | 'LAB'
export const ROOM_KINDS: readonly RoomKind[] = ['CLASSROOM', 'LECTURE_HALL', 'SEMINAR', 'LAB']
export const ROOM_EQUIPMENT = ['projector', 'microphone', 'recording', 'computers', 'whiteboard', 'ac'] as const
export type RoomStatus = 'BOOKABLE' | 'NOT_BOOKABLE' | 'OUT_OF_SERVICE'
export const ROOM_STATUSES: readonly RoomStatus[] = ['BOOKABLE', 'NOT_BOOKABLE', 'OUT_OF_SERVICE']

/** A period out of service; `to` null means until further notice. */
export interface OutOfService {
  reason: string
  from: string
  to: string | null
}

export interface Room {
  id: string
  code: string
  campus: string
  building: Localized
  name: Localized
  floor: number | null
  capacity: number
  kind: RoomKind
  equipment: string[]
  bookable: boolean
  outOfService: OutOfService | null
  sortOrder: number
  revision: number
  updatedAt: string
  status: RoomStatus
}

/** What the drawer form sends; `revision` is the one read (ignored on create). */
export interface RoomInput {
  code?: string
  campus: string
  building: Localized
  name: Localized
  floor: number | null
  capacity: number | null
  kind: RoomKind | ''
  equipment: string[]
  bookable: boolean
  outOfService: OutOfService | null
  revision?: number
}

export interface RoomFilter {
  q?: string
  campus?: string
  building?: string
  minCapacity?: number
  kind?: string
  equipment?: string[]
  status?: string
  page?: number
  size?: number
}

export interface RoomOptions {
  campuses: string[]
  buildings: Array<{ campus: string; name: Localized }>
}

export interface RoomBooking {
  id: string
  applicationId: string
  applicantId: string
  applicantName: string | null
  from: string
  to: string
  status: 'RESERVED' | 'CONFIRMED' | 'RELEASED'
  purpose: string | null
  applicationStatus: string | null
  createdAt: string
}

const BASE = '/api/v1/hall/admin/rooms'

export async function listRooms(filter: RoomFilter): Promise<Page<Room>> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '' && value !== null && !(Array.isArray(value) && value.length === 0)) {
      params[key] = Array.isArray(value) ? value.join(',') : value
    }
  }
  const { data } = await http.get<Page<Room>>(BASE, { params })
  return data
}

export async function roomOptions(): Promise<RoomOptions> {
  const { data } = await http.get<RoomOptions>(`${BASE}/options`)
  return data
}

export async function createRoom(input: RoomInput): Promise<Room> {
  const { data } = await http.post<Room>(BASE, input, { silent: true })
  return data
}

export async function updateRoom(code: string, input: RoomInput): Promise<Room> {
  const { data } = await http.put<Room>(`${BASE}/${encodeURIComponent(code)}`, input, { silent: true })
  return data
}

export async function roomBookings(code: string, from: string, to: string): Promise<RoomBooking[]> {
  const { data } = await http.get<RoomBooking[]>(`${BASE}/${encodeURIComponent(code)}/bookings`, { params: { from, to } })
  return data
}
