/**
 * Random generator programs: Weft against a reference that needs no rewrite.
 *
 * <p>{@link dev.weft.transform.property.Ast} is the program language, {@code Programs} its jqwik
 * arbitraries, {@code Printer} prints each program as an {@code @Async} method and as a
 * {@link dev.weft.transform.property.ThreadGen} (the same body on its own thread, handing values
 * through a {@code SynchronousQueue}), {@code Runner} compiles a batch in one javac call and
 * compares the two forms event by event, {@code Shrinker} minimises a failure.
 * {@code GeneratorPropertyTest} is the property: {@code -Dweft.property.programs=N} (default
 * 3000), {@code -Dweft.property.explore=true} to collect shrunk failures in
 * {@code target/weft-property/explore.txt} instead of failing. Counter-examples found become
 * plain tests in {@code RegressionTest}.
 *
 * <p>{@code CoroutinePropertyTest} prints the same programs as {@code @Async} coroutines (a yield
 * awaits a pending future) and {@code CoroutineRunner} runs them as tasks on an event loop against
 * {@link dev.weft.transform.property.ThreadCoroutine}. {@code AsyncGeneratorPropertyTest} prints
 * them as async generators (awaits between the yields) and {@code AsyncGeneratorRunner} drives them
 * on a loop through {@code anext}, {@code asend}, {@code athrow} and {@code aclose} against a
 * {@code ThreadGen}. The {@code nightly} Maven profile runs the three properties with 100,000
 * programs each.
 */
package dev.weft.transform.property;
