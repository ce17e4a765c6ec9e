/**
 * First stage of the rewrite: finds what concerns Weft in a class file: whether it mentions Weft at
 * all ({@link dev.weft.transform.find.WeftMentions}), its {@code @Async} methods and marker calls
 * ({@link dev.weft.transform.find.AsyncMethods}, {@link dev.weft.transform.find.Marker}) and
 * the kind of state machine each method returns ({@link dev.weft.transform.find.MethodKind}), and
 * weft-junit's {@code @AsyncTest} methods ({@link dev.weft.transform.find.AsyncTests}).
 *
 * <p>Depends on no other stage (ASM only).
 */
package dev.weft.transform.find;
