/**
 * Cybersecurity management (网络安全管理平台): the registry of campus information systems with
 * their MLPS (等级保护) lifecycle, hazards and their rectification, weak-password campaigns, active
 * checks of registered sites, duty rosters and daily all-safe reports, incidents, and the Ministry of
 * Education assessment workbook.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security management")
package org.onecampus.security;
