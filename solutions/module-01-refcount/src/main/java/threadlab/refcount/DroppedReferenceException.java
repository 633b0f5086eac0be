package threadlab.refcount;

/**
 * A reference was used after it was dropped. A dropped {@link Ref} refers to nothing, like a
 * Python name after {@code del}: using it again is a bug in the program, and dropping it again
 * would take a second reference off the object's count.
 *
 * <p>This file is provided: you do not need to change it.
 */
public class DroppedReferenceException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * A use of a dropped reference.
     *
     * @param object the name of the object the reference referred to
     */
    public DroppedReferenceException(String object) {
        super("this reference to " + object + " was dropped already: a dropped reference refers to"
                + " nothing, like a Python name after del. Copy a reference you still hold"
                + " instead.");
    }
}
