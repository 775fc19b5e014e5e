package org.sparkhpo.search;

import org.sparkhpo.common.InvalidInputException;
import org.sparkhpo.multiobjective.CombinationMode;
import org.sparkhpo.space.SearchSpace;
import org.sparkhpo.strategy.UnitCube;
import org.sparkhpo.strategy.bayes.OneHotCube;

/** The settings rules some strategy kinds register, each failing with the keys, the values and the rule. */
final class StrategyRules {
    private StrategyRules() {
    }

    /** Grid search needs at least one parameter to enumerate. */
    static void checkGridSpace(StrategyInputs inputs) {
        if (inputs.search().space().dimension() == 0) {
            throw new InvalidInputException("hpo.search.space: [] is empty; grid search needs at least one"
                    + " parameter");
        }
    }

    /** The manual strategy needs at least one configuration. */
    static void checkManual(StrategyInputs inputs) {
        if (inputs.search().manual().isEmpty()) {
            throw new InvalidInputException("hpo.search.manual: [] is empty and hpo.search.manual-file is not set;"
                    + " the manual strategy needs at least one configuration");
        }
    }

    /** A unit-cube strategy needs a space every parameter of which maps to [0, 1]. */
    static void checkUnitCube(StrategyInputs inputs) {
        SearchSettings search = inputs.search();
        try {
            new UnitCube(search.space());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("hpo.search.space: " + e.getMessage() + " (hpo.search.strategy is '"
                    + search.strategy().configName() + "')", e);
        }
    }

    /**
     * A strategy that follows one value (a derivative-free method) cannot search a Pareto front: it refuses
     * {@code hpo.cost.mode = pareto}, naming both keys.
     */
    static void refusePareto(StrategyInputs inputs) {
        if (inputs.cost().mode() == CombinationMode.PARETO) {
            throw new InvalidInputException("hpo.cost.mode: 'pareto' is not supported by hpo.search.strategy = "
                    + inputs.search().strategy().configName() + " (it follows one value); use grid, random,"
                    + " bayes, tpe (ParEGO), successive-halving, hyperband (with any hpo.search.bandit.sampler),"
                    + " folklore, manual or theory, or hpo.cost.mode = constrained or weighted");
        }
    }

    /** A model-based strategy needs a space its model encodes ({@link OneHotCube}). */
    static void checkModelSpace(StrategyInputs inputs) {
        checkModelSpace(inputs.search().space(), "hpo.search.strategy is '"
                + inputs.search().strategy().configName() + "'");
    }

    private static void checkModelSpace(SearchSpace space, String why) {
        try {
            new OneHotCube(space);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("hpo.search.space: " + e.getMessage() + " (" + why + ")", e);
        }
    }

    /** Successive halving and Hyperband set epochs themselves, stop trials themselves, and sample the space. */
    static void checkBandit(StrategyInputs inputs) {
        SearchSettings search = inputs.search();
        String name = search.strategy().configName();
        if (search.space().names().contains("epochs")) {
            throw new InvalidInputException("hpo.search.space: 'epochs' cannot be searched with " + name
                    + ", which sets every trial's epochs itself (hpo.search.bandit.min-epochs, max-epochs)");
        }
        if (inputs.median().enabled()) {
            throw new InvalidInputException("hpo.training.median-stopping: true cannot be combined with " + name
                    + ", which stops trials itself (set it to false)");
        }
        if (inputs.bandit().sampler().isModelBased()) {
            checkModelSpace(search.space(), "hpo.search.bandit.sampler is '"
                    + inputs.bandit().sampler().configName() + "'");
        }
        if (inputs.bandit().sampler() == StrategyKind.GRID && search.space().dimension() == 0) {
            throw new InvalidInputException("hpo.search.space: [] is empty; hpo.search.bandit.sampler = grid needs"
                    + " at least one parameter");
        }
    }
}
