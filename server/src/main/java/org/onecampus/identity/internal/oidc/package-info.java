/**
 * The OpenID Connect provider on Spring Authorization Server: discovery, the JWKS of the rotating
 * signing keys, authorization code with PKCE, client credentials, refresh tokens, userinfo with claims
 * from identity, consent per app and RP-initiated logout. Registered clients, authorizations and
 * consents are stored by Spring Authorization Server's JDBC services; the app registry writes the
 * registered clients. Unauthenticated browsers are sent to the campus login page {@code /login}.
 */
package org.onecampus.identity.internal.oidc;
