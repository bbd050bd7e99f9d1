/**
 * The CAS protocol server (CAS 1, 2 and 3) at the paths CAS clients expect: {@code /cas/login} with
 * {@code service}, {@code renew} and {@code gateway}; {@code /cas/logout} with back-channel single
 * logout; {@code /cas/validate}, {@code /cas/serviceValidate}, {@code /cas/proxyValidate} (XML and
 * JSON), {@code /cas/p3/serviceValidate} and {@code /cas/p3/proxyValidate} with released attributes;
 * {@code /cas/proxy} with proxy-granting tickets delivered to {@code pgtUrl}. The ticket-granting
 * ticket belongs to the platform session; tickets live in PostgreSQL.
 */
package org.onecampus.identity.internal.cas;
