package threadlab.refcount;

/**
 * A reference was dropped from an object that was freed already: its count would go below 0, and
 * the object would be freed a second time.
 *
 * <p>This file is provided: you do not need to change it.
 */
public class DoubleFreeException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** A drop from a freed object. */
    public DoubleFreeException() {
        super("double free: a reference was dropped from an object that was freed already"
                + " (its count would go below 0)");
    }
}
