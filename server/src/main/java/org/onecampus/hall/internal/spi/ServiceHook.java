package org.onecampus.hall.internal.spi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.identity.CampusUser;

/**
 * What a service item needs beyond its form and process (a classroom booking's conflict check, a visitor's QR
 * pass, a self-printed certificate). Beans of this type are called by the application use cases for the items
 * they {@link #supports support}; every method has a do-nothing default.
 */
public interface ServiceHook {

	/** @return whether this hook takes part in applications for the item */
	boolean supports(ServiceItem item);

	/**
	 * Called before the form data is validated (at submit and at a resubmission), to refuse with a specific reason
	 * what the form would refuse only in general terms (a room the form's code set no longer offers because it is out
	 * of service: say why).
	 * @param submitted the data as sent, not validated: check types before use
	 * @throws org.onecampus.kernel.error.PlatformException 422 with errors[] (one per field) to refuse
	 */
	default void beforeValidation(ServiceItem item, Map<String, Object> submitted) {
	}

	/**
	 * Called in the submit transaction after the form data validated and before the process starts (also on a
	 * resubmission after a return). Reserve what the application claims here (for example a room for a time):
	 * the reservation rolls back with the transaction when anything fails.
	 * @param formData the validated, normalized data
	 * @throws org.onecampus.kernel.error.PlatformException 422 with errors[] (one per field) or 409 to refuse
	 */
	default void beforeSubmit(ServiceItem item, UUID applicationId, UUID applicantId, Map<String, Object> formData) {
	}

	/**
	 * Called once when the application ends, in the transaction that records its end.
	 * @param status APPROVED, REJECTED, WITHDRAWN or TERMINATED
	 * @param formData the data as it was at the end
	 */
	default void ended(ServiceItem item, UUID applicationId, UUID applicantId, String status,
			Map<String, Object> formData) {
	}

	/**
	 * The results the applicant (and the handlers) may download once the application is APPROVED, such as a
	 * pass with a QR code or a certificate; listed on the application and served by
	 * {@code GET /api/v1/hall/applications/{id}/results/{name}}.
	 */
	default List<Result> results(ServiceItem item, UUID applicationId, UUID applicantId, Map<String, Object> formData) {
		return List.of();
	}

	/**
	 * Whether the user may see the application as an administrator of what it claims (a room administrator the
	 * classroom bookings), besides its applicant, its handlers and the item's administrators.
	 */
	default boolean administers(ServiceItem item, UUID applicationId, CampusUser user) {
		return false;
	}

	/**
	 * A downloadable result.
	 * @param name a file name unique within the application, e.g. {@code pass.png}
	 * @param label zh-CN and en-US labels
	 */
	record Result(String name, Map<String, String> label, String contentType, byte[] content) {
	}
}
