package strata.clv;

import java.util.Map;

/** A fitted or given probability model of customer behaviour, described by its parameters. */
public interface Model {

    /** @return parameters in the order and under the names of the model's paper, e.g. {@code r, alpha, a, b} */
    Map<String, Double> parameters();
}
