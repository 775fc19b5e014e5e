package org.sparkhpo.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Numbers into the report's JSON: JSON has no NaN or infinity, so a value that is not finite becomes null, which
 * the page's charts draw as a gap (or a marker at the axis) instead of failing to parse.
 */
final class JsonNumbers {
    private JsonNumbers() {
    }

    /** Puts {@code value} under {@code name}, or null when it is not finite. */
    static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    /** Appends {@code value}, or null when it is not finite. */
    static void addNumber(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }
}
