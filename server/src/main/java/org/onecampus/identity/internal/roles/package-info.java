/**
 * Roles and their permissions; roles granted to persons (optionally scoped to an org unit), to position kinds
 * (optionally at one org unit) and to affiliation types; and the answer to "why does this person have access".
 */
package org.onecampus.identity.internal.roles;
