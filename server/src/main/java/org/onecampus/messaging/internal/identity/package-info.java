/**
 * Messages that identity events call for: forgotten-password codes, new-device sign-in notices,
 * weak-password campaign notices and second-factor reset notices.
 */
package org.onecampus.messaging.internal.identity;
