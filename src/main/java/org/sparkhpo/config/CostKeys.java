package org.sparkhpo.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.multiobjective.CombinationMode;
import org.sparkhpo.multiobjective.CostBound;
import org.sparkhpo.multiobjective.CostMetric;
import org.sparkhpo.multiobjective.Criterion;
import org.sparkhpo.multiobjective.ObjectiveSpec;
import org.sparkhpo.multiobjective.SelectionRule;
import org.sparkhpo.train.Metric;
import org.sparkhpo.trial.MetricKeys;

/**
 * Reads {@code hpo.cost} and {@code hpo.select} into an {@link ObjectiveSpec}, naming the key of any rule
 * it breaks. Used by {@link SettingsLoader} only; whether the chosen strategy supports the mode is its
 * descriptor's rule (package {@code search}).
 */
final class CostKeys {
    private static final String MODE = "hpo.cost.mode";
    private static final String METRICS = "hpo.cost.metrics";
    private static final String BOUNDS = "hpo.cost.bounds";
    private static final String WEIGHTS = "hpo.cost.weights";
    private static final String SELECT = "hpo.select";
    private static final String TOLERANCE = "hpo.select-tolerance";

    private CostKeys() {
    }

    static ObjectiveSpec read(Config config, Keys keys, Metric metric) {
        CombinationMode mode = keys.oneOf(MODE, CombinationMode.values());
        List<CostMetric> costs = new ArrayList<>();
        for (String name : strings(config, METRICS)) {
            costs.add(cost(METRICS, name));
        }
        List<CostBound> bounds = bounds(config);
        Map<CostMetric, Double> weights = weights(config);
        SelectionRule select = keys.oneOf(SELECT, SelectionRule.values());
        double tolerance = keys.doubleIn(TOLERANCE, 0.0, Double.MAX_VALUE, true);
        require(mode != CombinationMode.PARETO || !costs.isEmpty(), METRICS, costs,
                "is empty; hpo.cost.mode = pareto needs at least two objectives: the metric and one cost of "
                        + CostMetric.keys());
        require(mode != CombinationMode.CONSTRAINED || !bounds.isEmpty(), BOUNDS, List.of(),
                "is empty; hpo.cost.mode = constrained needs at least one bound");
        require(mode != CombinationMode.WEIGHTED || !weights.isEmpty(), WEIGHTS, List.of(),
                "is empty; hpo.cost.mode = weighted needs at least one weight");
        require(!select.needsCosts() || !costs.isEmpty(), METRICS, costs, "is empty; hpo.select = "
                + select.configName() + " needs at least one cost to rank by");
        Criterion criterion = new Criterion(MetricKeys.objective(metric), metric.higherIsBetter());
        return new ObjectiveSpec(criterion, mode, costs, bounds, weights, select, tolerance);
    }

    private static List<CostBound> bounds(Config config) {
        List<CostBound> bounds = new ArrayList<>();
        for (Config entry : objects(config, BOUNDS)) {
            CostMetric cost = cost(BOUNDS, string(entry, BOUNDS, "cost"));
            double max = number(entry, BOUNDS, "max");
            try {
                bounds.add(new CostBound(cost, max));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.forKey(BOUNDS + "." + cost.key() + ".max", max,
                        "must be > 0: a bound is an upper limit on a cost, which is never negative");
            }
        }
        return bounds;
    }

    private static Map<CostMetric, Double> weights(Config config) {
        Map<CostMetric, Double> weights = new EnumMap<>(CostMetric.class);
        for (Config entry : objects(config, WEIGHTS)) {
            CostMetric cost = cost(WEIGHTS, string(entry, WEIGHTS, "cost"));
            double weight = number(entry, WEIGHTS, "weight");
            require(weight >= 0 && Double.isFinite(weight), WEIGHTS + "." + cost.key() + ".weight", weight,
                    "must be >= 0: a weight is what one unit of cost is worth in metric units");
            weights.put(cost, weight);
        }
        return weights;
    }

    private static CostMetric cost(String key, String name) {
        return CostMetric.byKey(name).orElseThrow(() -> InvalidInputException.forKey(key, name,
                "is not a cost metric; known: " + CostMetric.keys()));
    }

    private static List<String> strings(Config config, String key) {
        try {
            return config.getStringList(key);
        } catch (ConfigException.WrongType e) {
            throw InvalidInputException.forKey(key, config.getValue(key).unwrapped(), "must be a list of names");
        }
    }

    private static List<? extends Config> objects(Config config, String key) {
        try {
            return config.getConfigList(key);
        } catch (ConfigException.WrongType e) {
            throw InvalidInputException.forKey(key, config.getValue(key).unwrapped(),
                    "must be a list of objects such as [{cost = core_seconds, max = 30}]");
        }
    }

    private static String string(Config entry, String key, String field) {
        if (!entry.hasPath(field)) {
            throw InvalidInputException.forKey(key, entry.root().unwrapped(), "lacks '" + field + "'");
        }
        return entry.getString(field);
    }

    private static double number(Config entry, String key, String field) {
        if (!entry.hasPath(field)) {
            throw InvalidInputException.forKey(key, entry.root().unwrapped(), "lacks '" + field + "'");
        }
        try {
            return entry.getDouble(field);
        } catch (ConfigException.WrongType e) {
            throw InvalidInputException.forKey(key + "." + field, entry.getValue(field).unwrapped(),
                    "must be a number");
        }
    }

    private static void require(boolean rule, String key, Object value, String message) {
        if (!rule) {
            throw InvalidInputException.forKey(key, value, message);
        }
    }
}
