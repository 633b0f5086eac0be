package threadlab.refcount;

/**
 * A freed object was used: a reference still pointed at it after its count reached 0. In C this
 * reads or writes memory that may already hold another object; the model reports it instead.
 *
 * <p>This file is provided: you do not need to change it.
 */
public class UseAfterFreeException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * A use of a freed object.
     *
     * @param count the count seen, which is 0 or less
     */
    public UseAfterFreeException(int count) {
        super("use after free: the object was freed (its count is " + count + "), but a"
                + " reference to it was still used");
    }
}
