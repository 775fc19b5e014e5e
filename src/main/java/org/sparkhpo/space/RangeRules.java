package org.sparkhpo.space;

/** The checks shared by numeric ranges, with messages that name the parameter, the value and the rule. */
final class RangeRules {
    private RangeRules() {
    }

    static void check(String name, double low, double high, Scale scale, int gridPoints) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(name + ": bounds must be finite, got [" + low + ", " + high + "]");
        }
        if (low > high) {
            throw new IllegalArgumentException(name + ": low (" + low + ") must be <= high (" + high + ")");
        }
        if (scale == Scale.LOG && low <= 0) {
            throw new IllegalArgumentException(name + ": low (" + low + ") must be > 0 for a log scale");
        }
        if (gridPoints < 1) {
            throw new IllegalArgumentException(name + ": grid-points (" + gridPoints + ") must be >= 1");
        }
    }
}
