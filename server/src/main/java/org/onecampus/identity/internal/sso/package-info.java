/**
 * What the single sign-on protocols share: the person's released attributes and claims, the
 * affiliation rule of an app, the signing keys of tokens (stored encrypted, rotated) and the
 * back-channel logout deliveries with their retries. The OpenID Connect provider ({@code oidc}) and
 * the CAS server ({@code cas}) build on it; the app registry ({@code apps}) says who may receive what.
 */
package org.onecampus.identity.internal.sso;
