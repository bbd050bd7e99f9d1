/**
 * The to-do centre (待办中心): one list per person of workflow tasks, instances copied to them,
 * instances they started and the to-dos campus systems push through the REST API with client
 * credentials (scope {@code hall.todo}), each opening its system through single sign-on.
 */
package org.onecampus.hall.internal.todo;
