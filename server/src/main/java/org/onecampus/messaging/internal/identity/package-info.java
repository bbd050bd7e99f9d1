/**
 * Messages that identity events call for: forgotten-password codes and new-device sign-in notices.
 */
package org.onecampus.messaging.internal.identity;
