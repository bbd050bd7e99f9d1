/** Props of OrgUnitPicker; its v-model is the chosen unit's id (or ids with `multiple`), null when none. */
export interface OrgUnitPickerProps {
  /** Choose several units; the v-model is then an array of ids. */
  multiple?: boolean
  placeholder?: string
  disabled?: boolean
  clearable?: boolean
  /** Closed units are shown but cannot be chosen unless this is set. */
  includeClosed?: boolean
  /** `admin` (default): the units the signed-in administrator manages; `directory`: the current campus tree. */
  source?: 'admin' | 'directory'
}

/** One node of the picker's tree. */
export interface OrgUnitOption {
  value: string
  label: string
  isLeaf: boolean
  disabled: boolean
}

export type OrgUnitPickerValue = string | string[] | null
