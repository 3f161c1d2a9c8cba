package strata.clv;

/** Checks on model parameters given by a caller. */
final class Parameters {

    private Parameters() {
    }

    /** @param namesAndValues alternating parameter name (String) and value (Double) */
    static void requirePositive(String model, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            double value = (Double) namesAndValues[i + 1];
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new ClvException(ClvException.BAD_PARAMETER, model, namesAndValues[i], value);
            }
        }
    }
}
