/**
 * The door the Maven plugin, the agent and the command line share:
 * {@link dev.weft.transform.api.Rewriter} for one class file, {@link dev.weft.transform.api.BatchRewriter}
 * for folders and jars, {@link dev.weft.transform.api.ClassFilter} for which classes to take.
 *
 * <p>May depend on {@code rewrite}, {@code analyse} (the class hierarchy) and {@code report}; never
 * on {@code agent} or {@code cli}.
 */
package dev.weft.transform.api;
