/** Code sets (代码集): named lists of choices that form fields reference, with their admin API. */
package org.onecampus.workflow.internal.codesets;
