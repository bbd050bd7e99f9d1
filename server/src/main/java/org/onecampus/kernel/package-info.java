/**
 * The shared kernel: the few things every module needs and none should write twice. RFC 9457
 * problem responses and their localization, paging, the clock, identifiers, the hash-chained
 * audit log that every module writes through {@link org.onecampus.kernel.audit.AuditLog}, the
 * embedded database for zero-setup runs, data-encryption keys, and the web security defaults.
 * It is an open module: the other modules may use any of its packages, and it depends on none of
 * them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		displayName = "Shared kernel")
package org.onecampus.kernel;
