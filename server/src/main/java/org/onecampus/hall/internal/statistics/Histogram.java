package org.onecampus.hall.internal.statistics;

/**
 * Processing-time buckets of the daily rollups: bucket 0 holds durations under 10 minutes, bucket k (1 … 62) those
 * in [600·1.2^(k-1), 600·1.2^k) seconds, bucket 63 everything from about 1.5 years on. Summing bucket counts over
 * days and items and interpolating inside the bucket gives percentiles within the bucket's width (at most 20 % off,
 * usually much less).
 */
final class Histogram {

	static final int BUCKETS = 64;

	private static final double FIRST = 600;

	private static final double RATIO = 1.2;

	private Histogram() {
	}

	static int bucketOf(double seconds) {
		if (seconds < FIRST) {
			return 0;
		}
		int k = (int) Math.floor(Math.log(seconds / FIRST) / Math.log(RATIO)) + 1;
		return Math.min(Math.max(k, 1), BUCKETS - 1);
	}

	static double lower(int bucket) {
		return bucket == 0 ? 0 : FIRST * Math.pow(RATIO, bucket - 1);
	}

	static double upper(int bucket) {
		return FIRST * Math.pow(RATIO, bucket);
	}

	/** @return the {@code q} quantile in seconds, or null without any count */
	static Double quantile(long[] counts, double q) {
		long n = 0;
		for (long c : counts) {
			n += c;
		}
		if (n == 0) {
			return null;
		}
		double target = q * n;
		long cumulative = 0;
		for (int b = 0; b < counts.length; b++) {
			if (counts[b] > 0 && cumulative + counts[b] >= target) {
				double fraction = (target - cumulative) / counts[b];
				return lower(b) + fraction * (upper(b) - lower(b));
			}
			cumulative += counts[b];
		}
		return upper(counts.length - 1);
	}

	/** {@code h00, h01, …} */
	static String column(int bucket) {
		return String.format("h%02d", bucket);
	}
}
