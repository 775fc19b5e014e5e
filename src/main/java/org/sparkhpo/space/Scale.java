package org.sparkhpo.space;

/** How a numeric range is spread between its bounds. */
public enum Scale {
    /** Evenly in the value: u in [0,1] maps to low + u (high - low). */
    LINEAR,
    /** Evenly in the logarithm: u maps to exp(log low + u (log high - log low)); needs low > 0. */
    LOG;

    /**
     * @param low lower bound
     * @param high upper bound
     * @param unit position in [0, 1]
     * @return the value at {@code unit} between the bounds on this scale
     */
    public double fromUnit(double low, double high, double unit) {
        // The bounds themselves come back exactly (exp(log(x)) would add rounding noise to them).
        if (unit == 0.0) {
            return low;
        }
        if (unit == 1.0) {
            return high;
        }
        if (this == LOG) {
            return Math.exp(Math.log(low) + unit * (Math.log(high) - Math.log(low)));
        }
        return low + unit * (high - low);
    }

    /** @return the position in [0, 1] of {@code value} between the bounds on this scale (inverse of fromUnit) */
    public double toUnit(double low, double high, double value) {
        if (high == low) {
            return 0.0;
        }
        if (this == LOG) {
            return (Math.log(value) - Math.log(low)) / (Math.log(high) - Math.log(low));
        }
        return (value - low) / (high - low);
    }
}
