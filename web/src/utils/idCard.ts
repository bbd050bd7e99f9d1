const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_DIGITS = '10X98765432'

/**
 * Whether `value` is a well-formed 18-digit 居民身份证号 (GB 11643-1999): 17 digits, a real birth date
 * in positions 7–14 and the ISO 7064 MOD 11-2 check digit (0–9 or X) last.
 */
export function isValidIdCard(value: string): boolean {
  const number = value.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(number)) return false
  const year = Number(number.slice(6, 10))
  const month = Number(number.slice(10, 12))
  const day = Number(number.slice(12, 14))
  const birth = new Date(Date.UTC(year, month - 1, day))
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    return false
  }
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(number[i]), 0)
  return CHECK_DIGITS[sum % 11] === number[17]
}
