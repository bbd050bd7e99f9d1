/**
 * The demo university 示例大学: a deterministic generator of an organisation tree (campuses,
 * colleges, majors, classes, offices, research groups), about 5,000 people with their affiliations,
 * positions and accounts, and a loader that writes it into the identity tables in one transaction.
 * Every 身份证 number it makes is well-formed but uses the unassigned area prefix {@code 99}, so it
 * can never be a real person's number.
 */
package org.onecampus.identity.internal.demo;
