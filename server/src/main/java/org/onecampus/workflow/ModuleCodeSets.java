package org.onecampus.workflow;

import java.util.List;
import java.util.Map;

/**
 * Code sets that another module owns and keeps in step with its own data (the hall's bookable rooms, for
 * example), so that select, radio and checkbox fields bound to them offer and accept exactly what that module
 * holds. An owned set is read-only in the code-set administration; its owner replaces its values here, inside the
 * owner's transaction, so the set and the owner's data commit or roll back together.
 */
public interface ModuleCodeSets {

	/**
	 * A value of an owned set.
	 * @param label zh-CN (required) and en-US texts
	 * @param sort the order in which forms offer it
	 * @param enabled whether forms offer and accept it; a disabled value still labels the data that used it
	 */
	record Value(String value, Map<String, String> label, int sort, boolean enabled) {
	}

	/**
	 * Creates the set if it does not exist, takes it over for {@code owner}, and makes its values these: new values
	 * are added, known ones updated; a value the set had that is not among them is kept disabled (data that used it
	 * keeps its label). Audited when anything changed.
	 * @param key the code set key, such as {@code hall-rooms}
	 * @param owner the owning module, such as {@code hall}
	 * @param name zh-CN (required) and en-US names of the set
	 * @param values may be empty
	 * @return whether anything changed
	 * @throws org.onecampus.kernel.error.PlatformException 422 when the key, the name or a value is malformed, 409
	 * when another module owns the set
	 */
	boolean replace(String key, String owner, Map<String, String> name, List<Value> values);
}
