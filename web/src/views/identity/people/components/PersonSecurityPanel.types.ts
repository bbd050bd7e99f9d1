export interface PersonSecurityPanelProps {
  /** the person whose account security is shown */
  personId: string
}
