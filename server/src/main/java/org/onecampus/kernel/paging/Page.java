package org.onecampus.kernel.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every list endpoint returns it: {@code {items, page, size, total}}.
 *
 * @param items the items on this page, never null
 * @param page zero-based page number
 * @param size requested page size
 * @param total number of items on all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), page, size, total);
	}
}
