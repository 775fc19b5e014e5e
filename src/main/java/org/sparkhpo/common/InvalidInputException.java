package org.sparkhpo.common;

/**
 * Bad configuration or bad input data: the job ends with exit code 2 and prints {@link #getMessage()} as
 * one line, without a stack trace. The message names the file and line, or the key, then the value and
 * the rule it broke, for example {@code "hpo.search.trials: 0 must be >= 1"} or
 * {@code "data/train.csv:17: 'abc' is not a number"}.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message where (file:line or key), the value, and the rule */
    public InvalidInputException(String message) {
        super(message);
    }

    /** @param message where, the value and the rule; {@code cause} is kept for debug logging only */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Builds the standard message for a key whose value breaks a rule. */
    public static InvalidInputException forKey(String key, Object value, String rule) {
        return new InvalidInputException(key + ": " + render(value) + " " + rule);
    }

    /** Builds the standard message for a line of a data file. */
    public static InvalidInputException forLine(String file, long line, String problem) {
        return new InvalidInputException(file + ":" + line + ": " + problem);
    }

    private static String render(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
