import { http } from '@/api/http'

export interface Recipients {
  persons?: string[]
  orgUnits?: string[]
  includeSubUnits?: boolean
  positions?: string[]
  roles?: string[]
  affiliationTypes?: string[]
}

export interface SendMessageRequest {
  category: string
  recipients: Recipients
  template?: string
  variables?: Record<string, string>
  title?: string
  body?: string
  channels?: string[]
}

export interface MessageReceipt {
  id: string
  recipients: number
  deliveries: number
  acceptedAt: string
  replayed: boolean
}

export async function sendMessage(request: SendMessageRequest, idempotencyKey: string): Promise<MessageReceipt> {
  const { data } = await http.post<MessageReceipt>('/api/v1/messaging/messages', request, {
    headers: { 'Idempotency-Key': idempotencyKey },
  })
  return data
}
