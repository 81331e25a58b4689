package dev.drydock.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The matching benchmark's two operations timed by the CPU time of the matching thread, not the wall clock: on a
 * shared machine with a load far above its cores, wall time measures the scheduler. Prints the median of N runs
 * (after N warm-up runs) for {@code warm} and {@code cold}, in milliseconds per 1,000 packages.
 *
 * <p>{@code java -cp ... dev.drydock.bench.MatchCpuTime [N] [SNAPSHOT]}
 */
public final class MatchCpuTime {

    private MatchCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        MatchBenchmark b = new MatchBenchmark();
        b.snapshot = args.length > 1 ? args[1] : "../shared/vulndb";
        b.packages = 1000;
        b.build();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String mode : new String[] {"warm", "cold"}) {
            double[] cpu = new double[n];
            double[] wall = new double[n];
            for (int i = -n; i < n; i++) {
                if (mode.equals("cold")) {
                    b.openCold();
                }
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                Object r = mode.equals("warm") ? b.warm() : b.cold();
                long c = mx.getCurrentThreadCpuTime() - c0;
                long w = System.nanoTime() - w0;
                if (mode.equals("cold")) {
                    b.closeCold();
                }
                if (i >= 0 && r != null) {
                    cpu[i] = c / 1e6;
                    wall[i] = w / 1e6;
                }
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            System.out.printf("%s: median CPU %.1f ms, median wall %.1f ms per 1,000 packages (%d runs; target < 100 ms)%n",
                    mode, cpu[n / 2], wall[n / 2], n);
        }
        b.close();
    }
}
