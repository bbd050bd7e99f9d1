export interface LangSwitchProps {
  /** `dark` renders light text for the blue header; `light` for white backgrounds. */
  variant?: 'light' | 'dark'
}
