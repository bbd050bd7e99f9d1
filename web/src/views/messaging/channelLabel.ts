/** Channel ids the server ships with; others are shown by id. */
export const KNOWN_CHANNELS = ['inapp', 'email', 'sms', 'wecom', 'dingtalk', 'webhook'] as const

export function channelLabel(t: (key: string) => string, id: string): string {
  return (KNOWN_CHANNELS as readonly string[]).includes(id) ? t(`messaging.channel.${id}`) : id
}
