package org.sparkhpo.strategy.baseline;

import java.util.List;
import org.sparkhpo.space.Configuration;
import org.sparkhpo.strategy.BudgetedListStrategy;

/**
 * Folklore defaults: the handful of settings practitioners try first, each with where it comes from. The search
 * space is not used; every other hyperparameter keeps its {@code hpo.training} value. Phase {@code folklore}.
 *
 * <ul>
 *   <li>Learning rate 0.01: the default of Keras' {@code SGD} optimizer ({@code learning_rate=0.01}), and
 *       Bengio, "Practical recommendations for gradient-based training of deep architectures" (2012), section
 *       3.1: "a default value of 0.01 typically works for standard multi-layer neural networks".</li>
 *   <li>Learning rate 0.1 with momentum 0.9 and L2 (weight decay) 1e-4: the SGD recipe of He, Zhang, Ren and Sun,
 *       "Deep residual learning for image recognition" (CVPR 2016), copied into countless training scripts.</li>
 *   <li>Momentum 0.9: Goodfellow, Bengio and Courville, "Deep Learning" (2016), section 8.3.2 ("common values of
 *       alpha used in practice include 0.5, 0.9 and 0.99"), and Sutskever, Martens, Dahl and Hinton, "On the
 *       importance of initialization and momentum in deep learning" (ICML 2013).</li>
 *   <li>Mini-batch 32: Bengio (2012), section 3.1 ("32 is a good default value"), and the default
 *       {@code batch_size} of Keras' {@code Model.fit}; mini-batch 128: the common power of two of
 *       Goodfellow et al. (2016), section 8.1.3 (sizes from 32 to 256).</li>
 *   <li>Momentum 0 with learning rate 0.01 and mini-batch 32: Keras' out-of-the-box {@code SGD()} with
 *       {@code fit()}'s default batch (and PyTorch's {@code torch.optim.SGD}, whose momentum defaults to 0).</li>
 * </ul>
 */
public final class FolkloreStrategy extends BudgetedListStrategy {
    /** The folklore configurations, in the order they are tried. */
    public static final List<Configuration> DEFAULTS = List.of(
            folklore(0.01, 0.9, 32, 1e-4),
            folklore(0.01, 0.9, 128, 1e-4),
            folklore(0.1, 0.9, 32, 1e-4),
            folklore(0.1, 0.9, 128, 1e-4),
            folklore(0.01, 0.0, 32, 1e-4));

    /** @param budget the most trials to run */
    public FolkloreStrategy(int budget) {
        super(Math.min(DEFAULTS.size(), budget), "folklore");
    }

    @Override
    protected Configuration configurationAt(int index) {
        return DEFAULTS.get(index);
    }

    private static Configuration folklore(double learningRate, double momentum, int batchSize, double l2) {
        return Configuration.empty().with("learning-rate", learningRate).with("momentum", momentum)
                .with("batch-size", batchSize).with("l2", l2);
    }
}
