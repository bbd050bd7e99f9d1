package org.onecampus.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same two measurements as {@link PasswordSignInBenchmark} (Argon2id verifications in this JVM,
 * sign-ins through {@code POST /login}), but alternated in short slices: on a machine shared with
 * other work, the load changes from one minute to the next, and a JMH run measures one benchmark
 * after the other. Here each cycle runs {@code slice} seconds of hashing, then {@code slice} seconds
 * of sign-ins, with the same thread count; a slice ends when every thread has finished the operation
 * it was in, so slices never overlap and each rate is operations ÷ that slice's elapsed time. The
 * first cycle warms up and is not counted. Prints each cycle and the totals.
 * <p>
 * Hashing runs on {@code THREADS} threads (one per core: the machine's full hashing rate). Sign-ins run
 * with {@code CLIENTS} concurrent browsers (default {@code THREADS}): a sign-in request also waits on the
 * network and on commits, so a server's sign-in throughput is only reached with more requests in flight
 * than cores, as with any server benchmark; the server's own bound on concurrent hashing still applies.
 * <p>
 * {@code WARM_SECONDS} (default 0) first runs sign-ins alone for that long: a server's JIT compiles the sign-in path
 * over its first minutes of load (measured: its compiler threads still took 2 ms of CPU per sign-in after two
 * minutes, under 0.1 ms after five), so figures from a freshly started server are those of a server still warming.
 * <p>
 * {@code java -cp … org.onecampus.bench.jmh.AlternatingSignInRatio BASE_URL THREADS CYCLES SLICE_SECONDS [CLIENTS [WARM_SECONDS]]}
 */
public final class AlternatingSignInRatio {

	private AlternatingSignInRatio() {
	}

	public static void main(String[] args) throws Exception {
		String baseUrl = args.length > 0 ? args[0] : "http://localhost:18080";
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		int cycles = args.length > 2 ? Integer.parseInt(args[2]) : 10;
		double slice = args.length > 3 ? Double.parseDouble(args[3]) : 3;
		int clients = args.length > 4 ? Integer.parseInt(args[4]) : threads;
		double warm = args.length > 5 ? Double.parseDouble(args[5]) : 0;
		PasswordSignInBenchmark benchmark = new PasswordSignInBenchmark();
		PasswordSignInBenchmark.Hashes hashes = new PasswordSignInBenchmark.Hashes();
		hashes.hash();
		List<PasswordSignInBenchmark.Browser> browsers = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			PasswordSignInBenchmark.Browser browser = new PasswordSignInBenchmark.Browser();
			browser.baseUrl = baseUrl;
			browser.open();
			browsers.add(browser);
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(threads, clients));
		long hashOps = 0, signInOps = 0;
		double hashSeconds = 0, signInSeconds = 0;
		try {
			if (warm > 0) {
				double[] warming = run(pool, clients, warm, i -> () -> benchmark.passwordSignIn(browsers.get(i)));
				System.out.printf("server warm-up: %.0f sign-ins in %.0f s (%.1f/s), not counted%n", warming[0], warming[1],
						warming[0] / warming[1]);
			}
			System.out.printf("cycle  hashes/s  sign-ins/s  ratio%n");
			for (int cycle = 0; cycle <= cycles; cycle++) {
				double[] hash = run(pool, threads, slice, i -> () -> benchmark.argon2idVerify(hashes));
				double[] signIn = run(pool, clients, slice, i -> () -> benchmark.passwordSignIn(browsers.get(i)));
				System.out.printf("%5s  %8.1f  %10.1f  %4.0f%%%n", cycle == 0 ? "warm" : Integer.toString(cycle),
						hash[0] / hash[1], signIn[0] / signIn[1], 100 * (signIn[0] / signIn[1]) / (hash[0] / hash[1]));
				if (cycle > 0) {
					hashOps += (long) hash[0];
					hashSeconds += hash[1];
					signInOps += (long) signIn[0];
					signInSeconds += signIn[1];
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		double hashRate = hashOps / hashSeconds;
		double signInRate = signInOps / signInSeconds;
		System.out.printf("total  %8.2f  %10.2f  %4.0f%%   (%d hashes in %.1f s on %d threads, %d sign-ins in %.1f s from %d clients)%n",
				hashRate, signInRate, 100 * signInRate / hashRate, hashOps, hashSeconds, threads, signInOps, signInSeconds, clients);
	}

	interface Operation {

		Object call() throws Exception;
	}

	interface PerThread {

		Operation of(int thread);
	}

	/** @return {operations, elapsed seconds} */
	private static double[] run(ExecutorService pool, int threads, double slice, PerThread work) throws Exception {
		long start = System.nanoTime();
		long end = start + (long) (slice * 1e9);
		List<Future<Long>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Operation operation = work.of(t);
			Callable<Long> loop = () -> {
				long n = 0;
				while (System.nanoTime() < end) {
					operation.call();
					n++;
				}
				return n;
			};
			done.add(pool.submit(loop));
		}
		long ops = 0;
		for (Future<Long> f : done) {
			ops += f.get();
		}
		return new double[] { ops, (System.nanoTime() - start) / 1e9 };
	}
}
