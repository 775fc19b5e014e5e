package org.sparkhpo.strategy.grid;

import java.util.List;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.space.Parameter;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.BudgetedListStrategy;

/**
 * Grid search: the Cartesian product of every parameter's grid values, enumerated in declaration order
 * with the last parameter varying fastest (unlike MLlib's hash-ordered {@code ParamGridBuilder}), and cut
 * at the trial budget when the grid is larger. Point i is decoded from i in mixed radix, so no list of
 * the whole grid is held.
 */
public final class GridStrategy extends BudgetedListStrategy {
    private final SearchSpace space;
    private final List<List<Object>> axes;

    /**
     * @param space the space (a parameter's grid values come from {@link Parameter#gridValues()})
     * @param budget the most trials to run
     */
    public GridStrategy(SearchSpace space, int budget) {
        super((int) Math.min(space.gridSize(), budget), "grid");
        this.space = space;
        this.axes = space.parameters().stream().map(Parameter::gridValues).toList();
    }

    @Override
    protected Configuration configurationAt(int index) {
        Object[] values = new Object[axes.size()];
        long rest = index;
        for (int axis = axes.size() - 1; axis >= 0; axis--) {
            List<Object> axisValues = axes.get(axis);
            values[axis] = axisValues.get((int) (rest % axisValues.size()));
            rest /= axisValues.size();
        }
        Configuration configuration = Configuration.empty();
        for (int axis = 0; axis < values.length; axis++) {
            configuration = configuration.with(space.parameters().get(axis).name(), values[axis]);
        }
        return configuration;
    }
}
