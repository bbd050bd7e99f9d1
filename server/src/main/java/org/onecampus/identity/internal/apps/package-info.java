/**
 * The app registry: every campus system that may receive CAS tickets or OpenID Connect tokens, with
 * its owner department, protocol, allowed service URL patterns or redirect URIs, released attributes,
 * whether it requires a second factor and which affiliations may use it. Nothing is issued to an app
 * that is not registered here. For OpenID Connect apps the registry is the source of truth: it writes
 * Spring Authorization Server's registered client in the same transaction ({@link RegisteredClients}).
 */
package org.onecampus.identity.internal.apps;
