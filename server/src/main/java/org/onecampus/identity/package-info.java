/**
 * Identity: one digital identity for every person on campus and one sign-on for every campus
 * system. It owns people and their affiliations (students, faculty, staff, contractors, visitors,
 * alumni …), the organisation tree and positions that approval rules resolve, accounts with
 * Argon2id passwords, roles and {@code module:resource:action} permissions, the sign-in page that
 * is also the campus SSO login page, and the demo university. Other modules ask it who the current
 * person is ({@link org.onecampus.identity.CampusUser}) and never read its tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.onecampus.identity;
