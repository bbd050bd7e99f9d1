package org.onecampus.kernel.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Paging parameters of a list request ({@code ?page=0&size=20}), validated: page from 0, size 1 to 100.
 */
public record PageQuery(@Min(0) Integer page, @Min(1) @Max(100) Integer size) {

	public int pageOrDefault() {
		return page == null ? 0 : page;
	}

	public int sizeOrDefault() {
		return size == null ? 20 : size;
	}

	public long offset() {
		return (long) pageOrDefault() * sizeOrDefault();
	}
}
