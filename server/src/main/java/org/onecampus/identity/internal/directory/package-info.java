/**
 * The campus directory lookup for every signed-in member: find a person by name or 学号/工号 and browse
 * the org tree, as form fields (person and org pickers) need. Shows only what a campus phone book
 * would: names, identifiers and units.
 */
package org.onecampus.identity.internal.directory;
