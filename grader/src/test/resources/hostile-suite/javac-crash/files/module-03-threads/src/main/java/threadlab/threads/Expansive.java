package threadlab.threads;

/** Hostile: a subtype check that never ends. */
final class Expansive {

    static class C<X> {
    }

    static class D<X> extends C<C<? super D<D<X>>>> {
    }

    C<? super D<Byte>> c = new D<Byte>();
}
