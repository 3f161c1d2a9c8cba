package strata.clv;

/** The data cannot support a customer-lifetime-value model, or a request is outside what a model can answer. */
public class ClvException extends RuntimeException {

    /** @param message what is wrong and what the user can do about it */
    public ClvException(String message) {
        super(message);
    }
}
