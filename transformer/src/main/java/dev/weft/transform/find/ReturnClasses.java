package dev.weft.transform.find;

/**
 * What the rewrite asks of a class that a method returns, when it is none of the kinds' own types:
 * a subclass of {@code CompletableFuture} ({@code class Task<T> extends CompletableFuture<T>}) is
 * returned as a {@code CompletableFuture} is, its instance made with its no-argument constructor.
 * Answered from class files, never by loading a class.
 */
public interface ReturnClasses {
    /** The internal name of {@code CompletableFuture}. */
    String COMPLETABLE_FUTURE = "java/util/concurrent/CompletableFuture";

    /** Whether class {@code internalName} extends {@code CompletableFuture}, directly or not ({@code false} if unknown). */
    boolean extendsCompletableFuture(String internalName);

    /** The access flags of class {@code internalName}, or -1 if its class file cannot be found. */
    int classAccess(String internalName);

    /** The access flags of the no-argument constructor of {@code internalName}, or -1 if it has none (or is unknown). */
    int noArgConstructorAccess(String internalName);
}
