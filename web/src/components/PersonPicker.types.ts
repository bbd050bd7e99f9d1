/** Props of PersonPicker; its v-model is the chosen person's id (or ids with `multiple`), null when none. */
export interface PersonPickerProps {
  /** Choose several people; the v-model is then an array of ids. */
  multiple?: boolean
  placeholder?: string
  disabled?: boolean
  clearable?: boolean
  /** Only people with a current affiliation of this type (UNDERGRADUATE, FACULTY, ...). */
  affiliationType?: string
  /** Only people in this org unit or below it. */
  orgUnitId?: string
  /**
   * Where to search: `admin` (default) searches the people the signed-in administrator manages, with every
   * affiliation; `directory` searches the campus directory every member may use (forms: hosts, approvers).
   */
  source?: 'admin' | 'directory'
}

/** One person the picker offers. */
export interface PersonOption {
  value: string
  /** Name with 学号/工号, as the chosen value shows. */
  label: string
  /** The org unit, shown beside the name in the list. */
  detail: string
}

export type PersonPickerValue = string | string[] | null
