/** Client-side checks before an upload; the server sniffs the content and enforces its own allow-list. */
export type FileRejection = { code: 'type'; name: string } | { code: 'size'; name: string; maxSizeMb: number } | { code: 'count'; max: number }

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot).toLowerCase()
}

export function checkFiles(
  files: { name: string; size: number }[],
  limits: { accept: string[]; maxSizeMb: number; maxFiles: number },
  already: number,
): FileRejection | null {
  if (already + files.length > limits.maxFiles) return { code: 'count', max: limits.maxFiles }
  const accept = limits.accept.map((a) => a.toLowerCase())
  for (const file of files) {
    if (accept.length > 0 && !accept.includes(extensionOf(file.name))) return { code: 'type', name: file.name }
    if (file.size > limits.maxSizeMb * 1024 * 1024) return { code: 'size', name: file.name, maxSizeMb: limits.maxSizeMb }
  }
  return null
}
