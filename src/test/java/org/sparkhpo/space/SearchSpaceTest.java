package org.sparkhpo.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparkhpo.space.ContinuousParameterTest.assertRejected;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new ContinuousParameter(Tunable.LEARNING_RATE, 1e-3, 1e-1, Scale.LOG, 3),
            new CategoricalParameter(Tunable.NESTEROV, List.of(false, true)),
            new IntegerParameter(Tunable.BATCH_SIZE, 16, 64, Scale.LOG, 3)));

    @Test
    void aTunableMayBeDeclaredOnce() {
        assertRejected("learning-rate: declared more than once", () -> new SearchSpace(List.of(
                new ContinuousParameter(Tunable.LEARNING_RATE, 1e-3, 1e-1, Scale.LOG, 3),
                new CategoricalParameter(Tunable.LEARNING_RATE, List.of(0.5)))));
    }

    @Test
    void gridSizeIsTheProductOfTheAxes() {
        assertEquals(18, SPACE.gridSize());
        assertEquals(1, new SearchSpace(List.of()).gridSize());
    }

    @Test
    void namesAreInDeclarationOrder() {
        assertEquals(List.of("learning-rate", "nesterov", "batch-size"), SPACE.names());
        assertEquals(3, SPACE.dimension());
    }

    @Test
    void fromUnitMapsEachCoordinateInOrder() {
        Configuration configuration = SPACE.fromUnit(new double[] {0.5, 0.9, 1.0});
        assertEquals(List.of("learning-rate", "nesterov", "batch-size"), List.copyOf(configuration.values().keySet()));
        assertEquals(1e-2, (Double) configuration.get("learning-rate"), 1e-15);
        assertEquals(true, configuration.get("nesterov"));
        assertEquals(64, configuration.get("batch-size"));
    }

    @Test
    void fromUnitNeedsOneCoordinatePerDimension() {
        assertRejected("unit point has 2 coordinates, space has 3 dimensions", () -> SPACE.fromUnit(new double[2]));
    }
}
