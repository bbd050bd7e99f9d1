/**
 * Documents (统一自助打印, 统一电子签章): certificates and results rendered to PDF from
 * templates, digitally signed (including SM2/SM3), verifiable by anyone through a QR code, and printed
 * at self-service terminals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package org.onecampus.documents;
